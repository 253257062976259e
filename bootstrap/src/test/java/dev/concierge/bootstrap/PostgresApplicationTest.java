package dev.concierge.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.DatabaseUrl;
import dev.concierge.adapter.persistence.testing.TestPostgres;
import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.ConfirmTenantUseCase;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.ClientKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The application switched to PostgreSQL by {@code DATABASE_URL} alone, in the original platform's form: it migrates
 * the schema on start, stores sign-ups there, seeds no demo data and serves no demo page; its readiness follows the
 * database.
 */
@ExtendWith(TestPostgres.Required.class)
class PostgresApplicationTest {

    /** Any instance on an external database needs the shared secret; the tests use this one. */
    static final String TEST_JWT_SECRET = "a-test-secret-that-is-certainly-longer-than-32-bytes";
    static final String TEST_PUBLIC_URL = "https://concierge.example";

    private static ConfigurableApplicationContext application;
    private static WebTestClient client;

    @BeforeAll
    static void startOnPostgres() {
        TestPostgres postgres = TestPostgres.get();
        postgres.truncateAll();
        application = new SpringApplicationBuilder(ConciergeApplication.class)
                .properties("DATABASE_URL=" + originalForm(postgres.databaseUrl()), "server.port=0",
                        "JWT_SECRET=" + TEST_JWT_SECRET, "FRONTEND_URL=" + TEST_PUBLIC_URL)
                .run();
        String port = application.getEnvironment().getProperty("local.server.port");
        client = TestClients.onPort(port);
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    static String originalForm(DatabaseUrl url) {
        String credentials = url.username().map(PostgresApplicationTest::encode).orElse("")
                + url.password().map(password -> ":" + encode(password)).orElse("");
        return "postgresql://" + (credentials.isEmpty() ? "" : credentials + "@") + url.host() + ":" + url.port()
                + "/" + url.database();
    }

    private static int countTenantRows(String clientKey) {
        TestPostgres postgres = TestPostgres.get();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password());
                PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM tenant WHERE client_key = ?")) {
            query.setString(1, clientKey);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void runsOnPostgresWithoutDemoData() {
        assertThat(application.getEnvironment().getProperty("spring.r2dbc.url")).startsWith("r2dbc:postgresql://");
        client.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.components.r2dbc.status").isEqualTo("UP");
        client.get().uri("/api/v1/widget/demo").exchange().expectStatus().isNotFound();
    }

    @Test
    void rootServesANeutralPageInsteadOfTheDemoShop() {
        client.get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("This is a Concierge server", "/openapi.yaml", "/actuator/health")
                        .doesNotContain("demo", "widget.js\" data-client-id"));
        client.head().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
        client.get().uri("/demo-shop.css").exchange().expectStatus().isNotFound();
    }

    @Test
    void readinessIsDownWhileTheDatabaseRefusesConnectionsAndLivenessStaysUp() throws Exception {
        String database = TestPostgres.get().databaseUrl().database();
        try {
            allowConnections(database, false);
            client.get().uri("/actuator/health/readiness").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectBody()
                    .jsonPath("$.status").isEqualTo("DOWN")
                    .jsonPath("$.components.r2dbc.status").isEqualTo("DOWN");
            client.get().uri("/actuator/health/liveness").exchange()
                    .expectStatus().isOk();
        } finally {
            allowConnections(database, true);
        }
        // The pool replaces the connections the outage ended as it is asked for them: ready again within moments.
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        while (client.get().uri("/actuator/health/readiness").exchange().returnResult(String.class).getStatus()
                .value() != 200 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        client.get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    /** Through the server's maintenance database, since a database cannot refuse the session that changes it. */
    private static void allowConnections(String database, boolean allowed) throws SQLException {
        TestPostgres postgres = TestPostgres.get();
        String maintenance = postgres.jdbcUrl().substring(0, postgres.jdbcUrl().lastIndexOf('/') + 1) + "postgres";
        try (Connection connection = DriverManager.getConnection(maintenance, postgres.username(), postgres.password());
                Statement statement = connection.createStatement()) {
            statement.execute("ALTER DATABASE \"" + database.replace("\"", "\"\"") + "\" ALLOW_CONNECTIONS " + allowed);
            if (!allowed) {
                // The server's pooled connections would otherwise go on working: end them, as an outage would.
                statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '"
                        + database.replace("'", "''") + "' AND pid <> pg_backend_pid()");
            }
        }
    }

    @Test
    void signUpConfirmationAndWidgetWorkOnPostgres() {
        String key = "pg-shop-" + UUID.randomUUID().toString().substring(0, 8);
        client.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"ownerEmail": "%s@owner.example", "password": "Sunrise42", "displayName": "PG Shop",
                 "clientKey": "%s", "allowedOrigins": ["https://pg-shop.example"]}
                """.formatted(key, key)).exchange()
                .expectStatus().isCreated();
        client.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"ownerEmail": "second-%s@owner.example", "password": "Sunrise42", "displayName": "PG Shop",
                 "clientKey": "%s", "allowedOrigins": ["https://pg-shop.example"]}
                """.formatted(key, key)).exchange()
                .expectStatus().isEqualTo(409);

        assertThat(countTenantRows(key)).as("rows in PostgreSQL itself").isEqualTo(1);
        var tenant = application.getBean(Tenants.class).findByClientKey(ClientKey.of(key)).block();
        application.getBean(ConfirmTenantUseCase.class).confirm(tenant.id(), ClientAddress.INTERNAL).block();

        client.get().uri("/api/v1/widget/" + key).header(HttpHeaders.ORIGIN, "https://pg-shop.example").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://pg-shop.example")
                .expectBody().jsonPath("$.title").isEqualTo("PG Shop");
    }
}
