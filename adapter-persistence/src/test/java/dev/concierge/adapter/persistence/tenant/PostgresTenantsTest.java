package dev.concierge.adapter.persistence.tenant;

import dev.concierge.adapter.persistence.testing.TestPostgres;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The tenants contract on PostgreSQL, migrated with the PostgreSQL migrations. Skipped, with the reason, when
 * {@link TestPostgres} finds no server.
 */
@ExtendWith(TestPostgres.Required.class)
class PostgresTenantsTest extends R2dbcTenantsTestBase {

    private static TestPostgres postgres;

    @BeforeAll
    static void connect() {
        postgres = TestPostgres.get();
        postgres.migrate();
    }

    @BeforeEach
    void emptyTables() {
        postgres.truncateAll();
    }

    @Override
    protected ConnectionFactory connectionFactory() {
        return postgres.connectionFactory();
    }
}
