package dev.concierge.adapter.persistence.booking;

import dev.concierge.adapter.persistence.testing.TestPostgres;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Migrations 7 and 8 on PostgreSQL, in a new schema holding tenants, tokens and mails from before them. Skipped, with
 * the reason, when {@link TestPostgres} finds no server (and failed instead on CI).
 */
@ExtendWith(TestPostgres.Required.class)
class PostgresAppointmentsMigrationTest extends AppointmentsMigrationTestBase {

    private TestPostgres.Schema schema;

    @Override
    protected ConnectionFactory databaseAtVersion6() {
        schema = TestPostgres.get().newSchema();
        schema.migrateTo("6");
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
