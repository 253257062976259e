package dev.concierge.bootstrap.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.concierge.adapter.persistence.DatabaseUrl;
import dev.concierge.adapter.persistence.testing.TestPostgres;
import dev.concierge.bootstrap.ConciergeApplication;
import dev.concierge.bootstrap.config.DatabaseEnvironmentPostProcessor;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader.ArgumentResolver;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;
import org.springframework.core.io.support.SpringFactoriesLoader;

/**
 * Database settings that cannot work stop the start with one line that says why, found by the failure analyzers
 * registered in {@code META-INF/spring.factories}, the way Spring Boot finds them. The report itself is switched off
 * in these runs so that a passing build prints no failure.
 */
public class StartupFailureTest {

    /** Nothing listens on port 1. */
    private static final String NOWHERE = "127.0.0.1:1";

    private static final String[] QUIET = {
            "server.port=0",
            // Links in mails need the public address on an external database; the tests here are about others.
            "FRONTEND_URL=https://concierge.example",
            "logging.level.org.springframework.boot.diagnostics.LoggingFailureAnalysisReporter=off",
            "logging.level.org.springframework.boot.SpringApplication=off"};

    /** The environment the application builds from {@code properties}, database choice included. */
    public static ConfigurableEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        new DatabaseEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());
        return environment;
    }

    /** What Spring Boot would report for {@code failure}: the first analysis of a registered analyzer. */
    public static FailureAnalysis analysis(Throwable failure, ConfigurableEnvironment environment) {
        return SpringFactoriesLoader.forDefaultResourceLocation(StartupFailureTest.class.getClassLoader())
                .load(FailureAnalyzer.class, ArgumentResolver.of(org.springframework.core.env.Environment.class,
                        environment), FailureHandler.handleMessage((message, error) -> { }))
                .stream()
                .map(analyzer -> analyzer.analyze(failure))
                .filter(Objects::nonNull)
                .findFirst()
                .orElse(null);
    }

    /** The secret an instance on an external database needs. */
    private static final String SECRET = "JWT_SECRET=a-test-secret-that-is-certainly-longer-than-32-bytes";

    private static Throwable start(String... properties) {
        return catchThrowable(() -> new SpringApplicationBuilder(ConciergeApplication.class)
                .properties(QUIET).properties(SECRET).properties(properties).run().close());
    }

    @Test
    void r2dbcUrlWithoutAFlywayUrlIsRefusedWithOneReason() {
        Throwable failure = start("spring.r2dbc.url=r2dbc:h2:mem:///refused");

        assertThat(failure).isInstanceOf(ConfigurationProblemException.class);
        FailureAnalysis analysis = analysis(failure, new StandardEnvironment());
        assertThat(analysis.getDescription()).doesNotContain("\n")
                .contains("SPRING_R2DBC_URL", "SPRING_FLYWAY_URL", "never be created or migrated");
        assertThat(analysis.getAction()).contains("DATABASE_URL");
    }

    @Test
    void unreachableDatabaseServerFailsTheStartWithOneLineNamingIt() {
        String databaseUrl = "postgresql://nobody:s3cret@" + NOWHERE + "/shop";
        Throwable failure = start("DATABASE_URL=" + databaseUrl);

        FailureAnalysis analysis = analysis(failure, environment(Map.of("DATABASE_URL", databaseUrl)));
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        assertThat(analysis.getDescription()).doesNotContain("\n", "s3cret", "nobody")
                .startsWith("Could not reach the database jdbc:postgresql://" + NOWHERE + "/shop: ")
                .contains("refused");
    }

    @Test
    void databaseThatR2dbcCannotReachFailsTheStartBeforeTheServerTakesRequests() {
        // Flyway migrates an in-memory H2 database; the application's own connections would go nowhere.
        String r2dbcUrl = "r2dbc:postgresql://nobody@" + NOWHERE + "/shop";
        Throwable failure = start("spring.flyway.url=jdbc:h2:mem:startup-check;DB_CLOSE_DELAY=-1",
                "spring.r2dbc.url=" + r2dbcUrl);

        FailureAnalysis analysis = analysis(failure, environment(Map.of("spring.r2dbc.url", r2dbcUrl,
                "spring.flyway.url", "jdbc:h2:mem:startup-check")));
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        assertThat(analysis.getDescription()).doesNotContain("\n", "nobody")
                .startsWith("Could not reach the database r2dbc:postgresql://" + NOWHERE + "/shop: ");
    }

    /**
     * Needs a PostgreSQL server: skipped without one (fails on CI), like the other PostgreSQL tests. Runs here rather
     * than next to a running application, because the failed start releases Reactor Netty's shared resources.
     */
    @Test
    void missingPostgresDatabaseFailsTheStartWithOneLineNamingIt() {
        DatabaseUrl url = TestPostgres.get().databaseUrl();
        String missing = "postgresql://" + url.username().map(StartupFailureTest::encode).orElse("")
                + url.password().map(password -> ":" + encode(password)).orElse("")
                + "@" + url.host() + ":" + url.port() + "/concierge_no_such_database";

        Throwable failure = start("DATABASE_URL=" + missing);

        FailureAnalysis analysis = analysis(failure, environment(Map.of("DATABASE_URL", missing)));
        assertThat(analysis).as("analysis of %s", failure).isNotNull();
        assertThat(analysis.getDescription()).doesNotContain("\n")
                .startsWith("Could not reach the database jdbc:postgresql://" + url.host() + ":" + url.port()
                        + "/concierge_no_such_database: ")
                .contains("does not exist");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void reportedAddressesCarryNoCredentialsOrParameters() {
        assertThat(DatabaseUnreachableFailureAnalyzer.describe("jdbc:postgresql://db:5432/shop?password=s3cret"))
                .isEqualTo("jdbc:postgresql://db:5432/shop");
        assertThat(DatabaseUnreachableFailureAnalyzer.describe("r2dbc:postgresql://shop:s3cret@db:5432/shop"))
                .isEqualTo("r2dbc:postgresql://db:5432/shop");
        assertThat(DatabaseUnreachableFailureAnalyzer.describe("jdbc:h2:file:/srv/data/concierge;PASSWORD=x"))
                .isEqualTo("jdbc:h2:file:/srv/data/concierge");
    }

    /** An H2 database named by explicit URLs: not the embedded defaults, so secrets must be configured. */
    private static String[] externalH2(String name, String... more) {
        java.util.List<String> all = new java.util.ArrayList<>(java.util.List.of(
                "spring.r2dbc.url=r2dbc:h2:mem:///" + name + ";DB_CLOSE_DELAY=-1",
                "spring.flyway.url=jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1"));
        all.addAll(java.util.List.of(more));
        return all.toArray(String[]::new);
    }

    private static Throwable startWithout(String... properties) {
        return catchThrowable(() -> new SpringApplicationBuilder(ConciergeApplication.class)
                .properties(QUIET).properties(properties).run().close());
    }

    @Test
    void anExternalDatabaseWithoutAJwtSecretIsRefused() {
        Throwable failure = startWithout(externalH2("nosecret"));

        assertThat(rootCause(failure)).isInstanceOf(ConfigurationProblemException.class)
                .hasMessageContaining("JWT_SECRET is not set");
        assertThat(((ConfigurationProblemException) rootCause(failure)).action()).contains("at least 32");
    }

    @Test
    void aJwtSecretShorterThan32BytesIsRefusedWithoutPrintingIt() {
        Throwable failure = startWithout(externalH2("shortsecret", "JWT_SECRET=only-31-bytes-long-secret-value"));

        assertThat(rootCause(failure)).isInstanceOf(ConfigurationProblemException.class)
                .hasMessageContaining("31 bytes")
                .hasMessageNotContaining("only-31-bytes-long-secret-value");
    }

    @Test
    void anExternalDatabaseWithoutAPublicAddressIsRefused() {
        Throwable failure = start(externalH2("nourl", "FRONTEND_URL="));

        assertThat(rootCause(failure)).isInstanceOf(ConfigurationProblemException.class)
                .hasMessageContaining("FRONTEND_URL is not set");
    }

    @Test
    void aPublicAddressThatIsNoWebAddressIsRefused() {
        for (String url : java.util.List.of("ftp://concierge.example", "concierge.example",
                "https://user:secret@concierge.example", "https://concierge.example/?next=evil")) {
            Throwable failure = start(externalH2("badurl", "FRONTEND_URL=" + url));

            assertThat(rootCause(failure)).as(url).isInstanceOf(ConfigurationProblemException.class)
                    .hasMessageContaining("FRONTEND_URL");
        }
    }

    @Test
    void aWeakAdminPasswordIsRefusedOutsideTheEmbeddedDefaults() {
        Throwable failure = start(externalH2("weakadmin", "ADMIN_PASSWORD=Admin123"));

        assertThat(rootCause(failure)).isInstanceOf(ConfigurationProblemException.class)
                .hasMessageContaining("ADMIN_PASSWORD is too weak")
                .hasMessageNotContaining("Admin123");
    }

    @Test
    void languageModelTimeoutsAndRetriesOutOfRangeAreRefused() {
        for (String setting : java.util.List.of("LLM_MAX_RETRIES=11", "LLM_READ_TIMEOUT=0s", "LLM_CONNECT_TIMEOUT=-1s")) {
            Throwable failure = start(externalH2("llm", setting));

            assertThat(rootCause(failure)).as(setting).isInstanceOf(ConfigurationProblemException.class)
                    .hasMessageContaining("language model settings are not usable");
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && !(cause instanceof ConfigurationProblemException)) {
            cause = cause.getCause();
        }
        return cause;
    }
}
