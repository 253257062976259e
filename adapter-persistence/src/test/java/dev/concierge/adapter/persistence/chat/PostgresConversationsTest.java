package dev.concierge.adapter.persistence.chat;

import dev.concierge.adapter.persistence.testing.TestPostgres;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The conversations contract on PostgreSQL, migrated with the common and the PostgreSQL migrations. Skipped, with the
 * reason, when {@link TestPostgres} finds no server (and failed instead on CI).
 */
@ExtendWith(TestPostgres.Emptied.class)
class PostgresConversationsTest extends R2dbcConversationsTestBase {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestPostgres.get().connectionFactory();
    }

    /**
     * A sequential scan is still chosen when nothing else can answer the statement, so the plan shows the choice. A
     * bitmap scan, which a tiny table gets, reads in no order; one page of many conversations is read by index scan.
     */
    @Override
    protected Mono<Void> preferIndexes(DatabaseClient database) {
        return database.sql("SET LOCAL enable_seqscan = off").then()
                .then(database.sql("SET LOCAL enable_bitmapscan = off").then());
    }
}
