package dev.concierge.adapter.persistence.tenant;

import dev.concierge.adapter.persistence.testing.TestH2;
import io.r2dbc.spi.ConnectionFactory;

/** Migration 4 on a fresh in-memory H2 database holding tenants from before it. */
class H2AccountsMigrationTest extends AccountsMigrationTestBase {

    private TestH2 h2;

    @Override
    protected ConnectionFactory databaseAtVersion3() {
        h2 = TestH2.migratedTo("3");
        return h2.connectionFactory();
    }

    @Override
    protected void migrateToLatest() {
        h2.migrate();
    }
}
