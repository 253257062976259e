package dev.concierge.adapter.persistence.booking;

import dev.concierge.adapter.persistence.testing.TestH2;
import io.r2dbc.spi.ConnectionFactory;

/** Migrations 7 and 8 on a fresh in-memory H2 database holding tenants, tokens and mails from before them. */
class H2AppointmentsMigrationTest extends AppointmentsMigrationTestBase {

    private TestH2 h2;

    @Override
    protected ConnectionFactory databaseAtVersion6() {
        h2 = TestH2.migratedTo("6");
        return h2.connectionFactory();
    }

    @Override
    protected void migrateToLatest() {
        h2.migrate();
    }
}
