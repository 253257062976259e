package dev.concierge.adapter.persistence.usage;

import dev.concierge.adapter.persistence.testing.TestPostgres;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The usage counters contract on PostgreSQL, migrated with the common and the PostgreSQL migrations. Skipped, with the
 * reason, when {@link TestPostgres} finds no server (and failed instead on CI).
 */
@ExtendWith(TestPostgres.Emptied.class)
class PostgresUsageCountersTest extends R2dbcUsageCountersTestBase {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestPostgres.get().connectionFactory();
    }

    /** A sequential scan is still chosen when nothing else can answer the statement, so the plan shows the choice. */
    @Override
    protected Mono<Void> preferIndexes(DatabaseClient database) {
        return database.sql("SET LOCAL enable_seqscan = off").then();
    }
}
