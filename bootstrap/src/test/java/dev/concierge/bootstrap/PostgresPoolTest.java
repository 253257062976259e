package dev.concierge.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.testing.TestPostgres;
import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * The application on PostgreSQL talks to the database through a bounded connection pool: however many requests
 * arrive at once, the server sees no more connections than the pool's maximum, and a request that cannot get one in
 * time is answered 503 rather than left waiting.
 */
@ExtendWith(TestPostgres.Required.class)
class PostgresPoolTest {

    private static final int POOL_MAX = 3;
    private static final String APPLICATION_NAME = "concierge-pool-test";

    private static TestPostgres postgres;
    private static ConfigurableApplicationContext application;
    private static String baseUrl;

    @BeforeAll
    static void startOnPostgres() {
        postgres = TestPostgres.get();
        application = new SpringApplicationBuilder(ConciergeApplication.class)
                .properties("DATABASE_URL=" + PostgresApplicationTest.originalForm(postgres.databaseUrl()),
                        "JWT_SECRET=" + PostgresApplicationTest.TEST_JWT_SECRET,
                        "FRONTEND_URL=" + PostgresApplicationTest.TEST_PUBLIC_URL)
                // Arguments, because the application's own settings outrank the builder's default properties.
                .run("--server.port=0",
                        "--spring.r2dbc.pool.max-size=" + POOL_MAX,
                        "--spring.r2dbc.pool.initial-size=1",
                        "--spring.r2dbc.pool.max-acquire-time=700ms",
                        "--spring.r2dbc.properties.applicationName=" + APPLICATION_NAME);
        baseUrl = "http://localhost:" + application.getEnvironment().getProperty("local.server.port");
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    /** Waits at most ten seconds for an answer: far beyond the acquire timeout, far short of waiting forever. */
    private static WebTestClient client() {
        return WebTestClient.bindToServer().baseUrl(baseUrl).responseTimeout(Duration.ofSeconds(10)).build();
    }

    private static int serverConnections() {
        try (java.sql.Connection jdbc = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password());
                Statement statement = jdbc.createStatement();
                ResultSet result = statement.executeQuery("SELECT count(*) FROM pg_stat_activity "
                        + "WHERE application_name = '" + APPLICATION_NAME + "'")) {
            result.next();
            return result.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void manyConcurrentRequestsShareABoundedNumberOfServerConnections() throws InterruptedException {
        AtomicBoolean loading = new AtomicBoolean(true);
        AtomicInteger mostSeen = new AtomicInteger();
        Thread sampler = new Thread(() -> {
            while (loading.get()) {
                mostSeen.accumulateAndGet(serverConnections(), Math::max);
            }
        });
        sampler.start();
        HttpClient http = HttpClient.create().baseUrl(baseUrl);
        // Unknown keys are each read from the database once, so every request here needs a connection.
        List<Integer> statuses = Flux.range(0, 400)
                .flatMap(i -> http.get().uri("/api/v1/widget/pool-probe-" + i).response()
                        .map(response -> response.status().code()), 64)
                .collectList()
                .block(Duration.ofSeconds(60));
        loading.set(false);
        sampler.join();

        // On a busy machine a few requests may wait longer than the short acquire timeout set here and get 503.
        assertThat(statuses).hasSize(400).containsAnyOf(404).isSubsetOf(404, 503);
        assertThat(mostSeen.get()).isBetween(1, POOL_MAX);
        assertThat(serverConnections()).as("connections are kept for reuse").isBetween(1, POOL_MAX);
    }

    @Test
    void anExhaustedPoolAnswers503WithinTheAcquireTimeout() {
        ConnectionFactory pool = application.getBean(ConnectionFactory.class);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < POOL_MAX; i++) {
                held.add(Mono.from(pool.create()).block(Duration.ofSeconds(10)));
            }
            client().get().uri("/api/v1/widget/pool-exhausted").exchange()
                    .expectStatus().isEqualTo(503)
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                    .expectBody().jsonPath("$.type").isEqualTo("urn:concierge:problem:unavailable");
        } finally {
            held.forEach(connection -> Mono.from(connection.close()).block(Duration.ofSeconds(10)));
        }
        client().get().uri("/api/v1/widget/pool-exhausted").exchange().expectStatus().isNotFound();
    }

    @Test
    void thePoolReportsItsFiguresAsMetrics() {
        client().get().uri("/actuator/metrics/r2dbc.pool.max.allocated").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.measurements[0].value").isEqualTo((double) POOL_MAX);
        client().get().uri("/actuator/metrics/r2dbc.pool.acquired").exchange().expectStatus().isOk();
    }
}
