package dev.concierge.adapter.persistence.chat;

import dev.concierge.adapter.persistence.testing.TestH2;
import io.r2dbc.spi.ConnectionFactory;

/** Migrations 9 and 10 on a fresh in-memory H2 database holding a tenant and a booking from before them. */
class H2ChatMigrationTest extends ChatMigrationTestBase {

    private TestH2 h2;

    @Override
    protected ConnectionFactory databaseAtVersion8() {
        h2 = TestH2.migratedTo("8");
        return h2.connectionFactory();
    }

    @Override
    protected void migrateToLatest() {
        h2.migrate();
    }
}
