package dev.concierge.adapter.persistence.tenant;

import dev.concierge.adapter.persistence.testing.TestPostgres;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tenants contract on PostgreSQL, migrated with the common and the PostgreSQL migrations. Skipped, with the
 * reason, when {@link TestPostgres} finds no server (and failed instead on CI).
 */
@ExtendWith(TestPostgres.Emptied.class)
class PostgresTenantsTest extends R2dbcTenantsTestBase {

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestPostgres.get().connectionFactory();
    }
}
