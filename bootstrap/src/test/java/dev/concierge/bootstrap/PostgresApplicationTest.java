package dev.concierge.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.DatabaseUrl;
import dev.concierge.adapter.persistence.testing.TestPostgres;
import dev.concierge.application.port.in.ConfirmTenantUseCase;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.ClientKey;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
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
 * the schema on start, stores sign-ups there, and seeds no demo data.
 */
@ExtendWith(TestPostgres.Required.class)
class PostgresApplicationTest {

    private static ConfigurableApplicationContext application;
    private static WebTestClient client;

    @BeforeAll
    static void startOnPostgres() {
        TestPostgres postgres = TestPostgres.get();
        postgres.truncateAll();
        application = new SpringApplicationBuilder(ConciergeApplication.class)
                .properties("DATABASE_URL=" + originalForm(postgres.databaseUrl()), "server.port=0")
                .run();
        String port = application.getEnvironment().getProperty("local.server.port");
        client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
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

        var tenant = application.getBean(Tenants.class).findByClientKey(ClientKey.of(key)).block();
        application.getBean(ConfirmTenantUseCase.class).confirm(tenant.id()).block();

        client.get().uri("/api/v1/widget/" + key).header(HttpHeaders.ORIGIN, "https://pg-shop.example").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "https://pg-shop.example")
                .expectBody().jsonPath("$.title").isEqualTo("PG Shop");
    }
}
