package dev.concierge.adapter.persistence.booking;

import dev.concierge.adapter.persistence.testing.TestPostgres;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The bookings contract on PostgreSQL, migrated with the common and the PostgreSQL migrations, whose exclusion
 * constraint refuses every overlap of two active bookings of a tenant. Skipped, with the reason, when
 * {@link TestPostgres} finds no server (and failed instead on CI).
 */
@ExtendWith(TestPostgres.Emptied.class)
class PostgresBookingsTest extends R2dbcBookingsTestBase {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestPostgres.get().connectionFactory();
    }

    @Override
    protected boolean refusesPartialOverlaps() {
        return true;
    }

    /** A sequential scan is still chosen when nothing else can answer the statement, so the plan shows the choice. */
    @Override
    protected Mono<Void> preferIndexes(DatabaseClient database) {
        return database.sql("SET LOCAL enable_seqscan = off").then();
    }
}
