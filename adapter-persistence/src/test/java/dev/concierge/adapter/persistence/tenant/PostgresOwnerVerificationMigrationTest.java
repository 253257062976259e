package dev.concierge.adapter.persistence.tenant;

import dev.concierge.adapter.persistence.testing.TestPostgres;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Migrations 5 and 6 on PostgreSQL, in a new schema holding tenants from before them. Skipped, with the reason, when
 * {@link TestPostgres} finds no server (and failed instead on CI).
 */
@ExtendWith(TestPostgres.Required.class)
class PostgresOwnerVerificationMigrationTest extends OwnerVerificationMigrationTestBase {

    private TestPostgres.Schema schema;

    @Override
    protected ConnectionFactory databaseAtVersion4() {
        schema = TestPostgres.get().newSchema();
        schema.migrateTo("4");
        return schema.connectionFactory();
    }

    @Override
    protected void migrateToLatest() {
        schema.migrate();
    }

    @AfterEach
    void dropSchema() {
        if (schema != null) {
            schema.close();
        }
    }
}
