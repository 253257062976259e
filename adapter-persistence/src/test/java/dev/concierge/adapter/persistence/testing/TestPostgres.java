package dev.concierge.adapter.persistence.testing;

import dev.concierge.adapter.persistence.DatabaseUrl;
import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.ConnectionFactoryOptions;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The PostgreSQL server for tests, one per JVM. Where it comes from, in this order:
 * <ol>
 * <li>the environment variable {@value #DATABASE_URL_VARIABLE}, in the {@code postgresql://user:password@host:port/db}
 * form of {@link DatabaseUrl} (the database must exist; its tables are emptied by {@link #truncateAll()});</li>
 * <li>else a {@code postgres:15-alpine} container started through Testcontainers, if Docker is available;</li>
 * <li>else none: the calling test class is skipped with a reason naming the variable, or, when the environment
 * variable {@code CI} is {@code true}, it fails, because a CI build must not pass without its PostgreSQL tests.</li>
 * </ol>
 *
 * <p>A test class of its own that needs a migrated database emptied before each test is annotated
 * {@code @ExtendWith(TestPostgres.Emptied.class)} and calls {@code TestPostgres.get()} where it needs the server.
 * Otherwise annotate the test class with {@code @ExtendWith(TestPostgres.Required.class)}, call {@link #get()} from a
 * {@code @BeforeAll} method (in a Spring test, the condition and {@code @BeforeAll} both run before the application
 * context is built, so a {@code @DynamicPropertySource} method can call {@code get()} again to read the URLs), and
 * {@link #truncateAll()} before each test. {@code get()} alone also skips (or fails on CI), but Maven then reports
 * the skipped class as zero tests; the reason is printed to standard error either way. All helpers
 * block the calling thread (JDBC, Docker); never call them inside a reactive pipeline. Modules using this class need
 * {@code org.testcontainers:testcontainers-postgresql} on their test class path themselves.
 */
public final class TestPostgres {

    public static final String DATABASE_URL_VARIABLE = "CONCIERGE_TEST_DATABASE_URL";
    public static final String IMAGE = "postgres:15-alpine";

    private static TestPostgres instance;
    private static String unavailable;

    private final DatabaseUrl url;
    private final String source;
    private final ConnectionFactory connectionFactory;
    private boolean migrated;

    private TestPostgres(DatabaseUrl url, String source) {
        if (url.username().isEmpty()) {
            throw new IllegalStateException(source + " names no user; the R2DBC driver needs one");
        }
        this.url = url;
        this.source = source;
        this.connectionFactory = connectionFactory(null);
    }

    /**
     * The server, found once per JVM.
     *
     * @throws org.opentest4j.TestAbortedException (skipping the test) if there is no server, outside CI
     * @throws IllegalStateException               if there is no server on CI
     * @throws IllegalArgumentException            if {@value #DATABASE_URL_VARIABLE} is set but malformed
     */
    public static synchronized TestPostgres get() {
        TestPostgres found = find();
        if (found != null) {
            return found;
        }
        if (onCi()) {
            throw missingOnCi();
        }
        return Assumptions.abort(unavailable);
    }

    /** The server, or {@code null} with {@link #unavailable} set to the reason. */
    private static synchronized TestPostgres find() {
        if (instance != null || unavailable != null) {
            return instance;
        }
        String configured = System.getenv(DATABASE_URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            // An explicitly configured server must work; a bad value fails rather than skips.
            instance = new TestPostgres(DatabaseUrl.parse(configured), "$" + DATABASE_URL_VARIABLE);
        } else if (DockerClientFactory.instance().isDockerAvailable()) {
            instance = startContainer();
        } else {
            unavailable = "No PostgreSQL for the tests: set " + DATABASE_URL_VARIABLE
                    + " (for example postgresql://postgres@127.0.0.1:5432/concierge_test; the database must exist)"
                    + " or make Docker available to Testcontainers.";
            System.err.println("[TestPostgres] " + unavailable + (onCi() ? "" : " Skipping the PostgreSQL tests."));
        }
        return instance;
    }

    private static IllegalStateException missingOnCi() {
        return new IllegalStateException(unavailable + " CI=true, so the PostgreSQL tests must not be skipped.");
    }

    private static boolean onCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    @SuppressWarnings("resource") // Testcontainers' Ryuk removes the container when the JVM ends.
    private static TestPostgres startContainer() {
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
        container.start();
        String connectionString = "postgresql://" + encode(container.getUsername()) + ":" + encode(container.getPassword())
                + "@" + container.getHost() + ":" + container.getMappedPort(PostgreSQLContainer.POSTGRESQL_PORT)
                + "/" + encode(container.getDatabaseName());
        return new TestPostgres(DatabaseUrl.parse(connectionString), "Testcontainers " + IMAGE);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Where the server came from, for messages: the variable's name or the container image. */
    public String source() {
        return source;
    }

    public DatabaseUrl databaseUrl() {
        return url;
    }

    /** The R2DBC URL, without credentials (for {@code spring.r2dbc.url}). */
    public String r2dbcUrl() {
        return url.r2dbcUrl();
    }

    /** The JDBC URL, without credentials (for {@code spring.flyway.url}). */
    public String jdbcUrl() {
        return url.jdbcUrl();
    }

    public String username() {
        return url.username().orElseThrow();
    }

    /** The password, or an empty string if the server needs none. */
    public String password() {
        return url.password().orElse("");
    }

    /** A connection factory with the credentials set; not pooled. */
    public ConnectionFactory connectionFactory() {
        return connectionFactory;
    }

    /** Applies the common and the PostgreSQL migrations, once per JVM. */
    public synchronized void migrate() {
        if (!migrated) {
            flyway(null, MigrationVersion.LATEST).migrate();
            migrated = true;
        }
    }

    /**
     * A new, empty schema of its own on this server, for a test that migrates a database step by step (an upgrade
     * test). Close it to drop it with everything in it.
     *
     * <p>The extensions the migrations create are created first in the URL's own schema: a database holds an
     * extension once, in the schema where it was created, so a migration in the new schema would otherwise put it
     * there, and dropping the schema would take it, with the constraints of every other schema that use it.
     */
    public Schema newSchema() {
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        execute("CREATE EXTENSION IF NOT EXISTS btree_gist");
        execute("CREATE SCHEMA " + name);
        return new Schema(name);
    }

    /** Empties every table of the current schema except Flyway's history, in one {@code TRUNCATE ... CASCADE}. */
    public void truncateAll() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), username(), password());
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT quote_ident(tablename) FROM pg_tables"
                    + " WHERE schemaname = current_schema() AND tablename <> 'flyway_schema_history'")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            if (!tables.isEmpty()) {
                statement.execute("TRUNCATE " + String.join(", ", tables) + " CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not empty the PostgreSQL test database (" + source + ")", e);
        }
    }

    @Override
    public String toString() {
        return "TestPostgres[" + source + ", " + url + "]";
    }

    /** Connects with the credentials set, to {@code schema}, or to the URL's schema if it is {@code null}. */
    private ConnectionFactory connectionFactory(String schema) {
        ConnectionFactoryOptions.Builder options = ConnectionFactoryOptions.parse(url.r2dbcUrl()).mutate()
                .option(ConnectionFactoryOptions.USER, username())
                .option(ConnectionFactoryOptions.PASSWORD, password());
        if (schema != null) {
            options.option(PostgresqlConnectionFactoryProvider.CURRENT_SCHEMA, schema);
        }
        return ConnectionFactories.get(options.build());
    }

    /** The common and the PostgreSQL migrations, in {@code schema}, or in the URL's schema if it is {@code null}. */
    private Flyway flyway(String schema, MigrationVersion target) {
        FluentConfiguration configuration = Flyway.configure()
                .dataSource(jdbcUrl(), username(), password())
                .locations(Migrations.locations("postgresql"))
                .target(target);
        return (schema == null ? configuration : configuration.schemas(schema)).load();
    }

    private void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), username(), password());
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run " + sql + " on the PostgreSQL test database (" + source
                    + ")", e);
        }
    }

    /** A schema of its own on the server, see {@link #newSchema()}. */
    public final class Schema implements AutoCloseable {

        private final String name;
        private final ConnectionFactory schemaConnectionFactory;

        private Schema(String name) {
            this.name = name;
            this.schemaConnectionFactory = TestPostgres.this.connectionFactory(name);
        }

        /** Connects to this schema; not pooled. */
        public ConnectionFactory connectionFactory() {
            return schemaConnectionFactory;
        }

        /** Applies the migrations up to and including {@code version} to this schema. */
        public void migrateTo(String version) {
            flyway(name, MigrationVersion.fromVersion(version)).migrate();
        }

        /** Applies the remaining migrations to this schema. */
        public void migrate() {
            flyway(name, MigrationVersion.LATEST).migrate();
        }

        /** Drops the schema with everything in it. */
        @Override
        public void close() {
            execute("DROP SCHEMA " + name + " CASCADE");
        }
    }

    /**
     * Skips every test of a class annotated {@code @ExtendWith(TestPostgres.Required.class)} when there is no
     * PostgreSQL server, each reported as skipped with the reason (a class-level abort from {@code @BeforeAll} is
     * not counted by Maven's test report). Fails the class instead on CI. Its {@code @BeforeAll} methods then run
     * only when the server is there.
     */
    public static final class Required implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            TestPostgres found = find();
            if (found != null) {
                return ConditionEvaluationResult.enabled("PostgreSQL from " + found.source());
            }
            if (onCi()) {
                throw missingOnCi();
            }
            return ConditionEvaluationResult.disabled(unavailable);
        }
    }

    /**
     * {@link Required}, and the migrations applied before the class's tests and the tables emptied before each.
     */
    public static final class Emptied implements ExecutionCondition, BeforeAllCallback, BeforeEachCallback {

        private final Required required = new Required();

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return required.evaluateExecutionCondition(context);
        }

        @Override
        public void beforeAll(ExtensionContext context) {
            get().migrate();
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            get().truncateAll();
        }
    }
}
