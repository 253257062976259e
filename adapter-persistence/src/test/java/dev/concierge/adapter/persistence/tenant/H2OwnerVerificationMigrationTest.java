package dev.concierge.adapter.persistence.tenant;

import dev.concierge.adapter.persistence.testing.TestH2;
import io.r2dbc.spi.ConnectionFactory;

/** Migrations 5 and 6 on a fresh in-memory H2 database holding tenants from before them. */
class H2OwnerVerificationMigrationTest extends OwnerVerificationMigrationTestBase {

    private TestH2 h2;

    @Override
    protected ConnectionFactory databaseAtVersion4() {
        h2 = TestH2.migratedTo("4");
        return h2.connectionFactory();
    }

    @Override
    protected void migrateToLatest() {
        h2.migrate();
    }
}
