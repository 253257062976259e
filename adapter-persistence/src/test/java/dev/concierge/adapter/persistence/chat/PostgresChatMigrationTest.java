package dev.concierge.adapter.persistence.chat;

import dev.concierge.adapter.persistence.testing.TestPostgres;
import io.r2dbc.spi.ConnectionFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Migrations 9 and 10 on PostgreSQL, in a new schema holding a tenant and a booking from before them. Skipped, with the
 * reason, when {@link TestPostgres} finds no server (and failed instead on CI).
 */
@ExtendWith(TestPostgres.Required.class)
class PostgresChatMigrationTest extends ChatMigrationTestBase {

    private TestPostgres.Schema schema;

    @Override
    protected ConnectionFactory databaseAtVersion8() {
        schema = TestPostgres.get().newSchema();
        schema.migrateTo("8");
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
