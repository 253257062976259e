package dev.concierge.adapter.persistence.tenant;

import dev.concierge.adapter.persistence.testing.TestH2;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The tenants contract on a fresh in-memory H2 database, migrated with the common and the H2 migrations. */
class H2TenantsTest extends R2dbcTenantsTestBase {

    @RegisterExtension
    static final TestH2 H2 = TestH2.migrated();

    @Override
    protected ConnectionFactory connectionFactory() {
        return H2.connectionFactory();
    }
}
