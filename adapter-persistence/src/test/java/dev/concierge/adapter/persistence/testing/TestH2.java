package dev.concierge.adapter.persistence.testing;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A fresh, uniquely named in-memory H2 database, migrated with the common and the H2 migrations. R2DBC and JDBC reach the same
 * database because both run in this JVM; it lives until the JVM ends ({@code DB_CLOSE_DELAY=-1}).
 *
 * <p>Usage: {@code @RegisterExtension static final TestH2 h2 = TestH2.migrated();} in the test class, which empties
 * the tables before each test ({@link #deleteAll()}). Statements run synchronously on the calling thread, so call
 * the helpers from test methods, never from inside a reactive pipeline.
 */
public final class TestH2 implements BeforeEachCallback {

    public static final String USERNAME = "sa";
    public static final String PASSWORD = "";

    private final String name;
    private final ConnectionFactory connectionFactory;

    private TestH2(String name) {
        this.name = name;
        this.connectionFactory = ConnectionFactories.get(ConnectionFactoryOptions.parse(r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, USERNAME)
                .option(ConnectionFactoryOptions.PASSWORD, PASSWORD)
                .build());
    }

    /** A new database with the migrations applied. */
    public static TestH2 migrated() {
        TestH2 h2 = new TestH2(uniqueName());
        h2.migrate();
        return h2;
    }

    /**
     * A new database with the migrations up to and including {@code version} applied, for a test of the later ones;
     * {@link #migrate()} applies those. Not emptied before each test: create one per test instead.
     */
    public static TestH2 migratedTo(String version) {
        TestH2 h2 = new TestH2(uniqueName());
        h2.flyway(MigrationVersion.fromVersion(version)).migrate();
        return h2;
    }

    private static String uniqueName() {
        return "concierge_" + UUID.randomUUID().toString().replace("-", "");
    }

    public String r2dbcUrl() {
        return "r2dbc:h2:mem:///" + name + ";DB_CLOSE_DELAY=-1";
    }

    public String jdbcUrl() {
        return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
    }

    /** Connects as {@link #USERNAME}; not pooled, every connection is cheap in memory. */
    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    /** Applies the common and the H2 migrations; does nothing for migrations already applied. */
    public void migrate() {
        flyway(MigrationVersion.LATEST).migrate();
    }

    private Flyway flyway(MigrationVersion target) {
        return Flyway.configure()
                .dataSource(jdbcUrl(), USERNAME, PASSWORD)
                .locations(Migrations.locations("h2"))
                .target(target)
                .load();
    }

    /** Empties the tables before each test, when registered as an extension. */
    @Override
    public void beforeEach(ExtensionContext context) {
        deleteAll();
    }

    /** Empties every table except Flyway's history. */
    public void deleteAll() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), USERNAME, PASSWORD);
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'PUBLIC' AND table_type = 'BASE TABLE'"
                    + " AND table_name <> 'flyway_schema_history'")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            // H2 refuses TRUNCATE on tables that foreign keys point to unless integrity checks are off for the moment.
            statement.execute("SET REFERENTIAL_INTEGRITY FALSE");
            try {
                for (String table : tables) {
                    statement.execute("TRUNCATE TABLE \"" + table + "\"");
                }
            } finally {
                statement.execute("SET REFERENTIAL_INTEGRITY TRUE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the H2 test database", e);
        }
    }
}
