package dev.concierge.adapter.persistence.booking;

import dev.concierge.adapter.persistence.testing.TestH2;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/**
 * The bookings contract on a fresh in-memory H2 database, migrated with the common and the H2 migrations. H2 has no
 * exclusion constraints; its unique constraint refuses active bookings of a tenant that start at the same instant.
 */
class H2BookingsTest extends R2dbcBookingsTestBase {

    @RegisterExtension
    static final TestH2 H2 = TestH2.migrated();

    @Override
    protected ConnectionFactory connectionFactory() {
        return H2.connectionFactory();
    }

    @Override
    protected boolean refusesPartialOverlaps() {
        return false;
    }

    /** H2 takes a usable index even for an empty table. */
    @Override
    protected Mono<Void> preferIndexes(DatabaseClient database) {
        return Mono.empty();
    }
}
