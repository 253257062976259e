package dev.concierge.adapter.persistence.tenant;

import dev.concierge.adapter.persistence.testing.TestH2;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/** The tenants contract on a fresh in-memory H2 database, migrated with the H2 migrations. */
class H2TenantsTest extends R2dbcTenantsTestBase {

    private static TestH2 h2;

    @BeforeAll
    static void createDatabase() {
        h2 = TestH2.migrated();
    }

    @BeforeEach
    void emptyTables() {
        h2.deleteAll();
    }

    @Override
    protected ConnectionFactory connectionFactory() {
        return h2.connectionFactory();
    }
}
