package dev.concierge.bootstrap.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.bootstrap.startup.ConfigurationProblemException;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class DatabaseEnvironmentPostProcessorTest {

    @Test
    void nothingConfiguredMeansAnH2FileDatabaseUnderTheDataDirectoryAndTheDemo() {
        MockEnvironment environment = new MockEnvironment().withProperty("concierge.data-dir", "/srv/concierge");

        Map<String, Object> defaults = DatabaseEnvironmentPostProcessor.defaults(environment);

        assertThat(defaults)
                .containsEntry("spring.r2dbc.url", "r2dbc:h2:file:////srv/concierge/concierge;DB_CLOSE_DELAY=-1")
                .containsEntry("spring.flyway.url", "jdbc:h2:file:/srv/concierge/concierge;DB_CLOSE_DELAY=-1")
                .containsEntry("concierge.demo.enabled", "true");
    }

    @Test
    void relativeDataDirectoryIsResolvedAgainstTheWorkingDirectory() {
        Map<String, Object> defaults = DatabaseEnvironmentPostProcessor.defaults(new MockEnvironment());

        String expected = Path.of("data").toAbsolutePath().normalize().resolve("concierge").toString();
        assertThat(defaults).containsEntry("spring.flyway.url", "jdbc:h2:file:" + expected + ";DB_CLOSE_DELAY=-1");
    }

    @Test
    void databaseUrlInTheOriginalPlatformsFormSelectsPostgresWithoutTheDemo() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("DATABASE_URL", "postgresql://shop:s%40cret@db.internal:5433/concierge");

        Map<String, Object> defaults = DatabaseEnvironmentPostProcessor.defaults(environment);

        assertThat(defaults)
                .containsEntry("spring.r2dbc.url", "r2dbc:postgresql://db.internal:5433/concierge")
                .containsEntry("spring.r2dbc.username", "shop")
                .containsEntry("spring.r2dbc.password", "s@cret")
                .containsEntry("spring.flyway.url", "jdbc:postgresql://db.internal:5433/concierge")
                .containsEntry("spring.flyway.user", "shop")
                .containsEntry("spring.flyway.password", "s@cret")
                .doesNotContainKey("concierge.demo.enabled");
    }

    @Test
    void explicitSpringPropertiesWin() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://elsewhere/db")
                .withProperty("spring.flyway.url", "jdbc:postgresql://elsewhere/db")
                .withProperty("DATABASE_URL", "postgresql://shop@db.internal/concierge");

        assertThat(DatabaseEnvironmentPostProcessor.defaults(environment)).isEmpty();
    }

    @Test
    void r2dbcUrlWithoutAFlywayUrlIsRefusedBecauseNothingWouldBeMigrated() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://elsewhere/db")
                .withProperty("DATABASE_URL", "postgresql://shop@db.internal/concierge");

        assertThatThrownBy(() -> DatabaseEnvironmentPostProcessor.defaults(environment))
                .isInstanceOf(ConfigurationProblemException.class)
                .hasMessageContaining("SPRING_FLYWAY_URL");
    }

    @Test
    void r2dbcUrlAloneIsAcceptedWhenFlywayIsSwitchedOffOnPurpose() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.r2dbc.url", "r2dbc:postgresql://elsewhere/db")
                .withProperty("spring.flyway.enabled", "false");

        assertThat(DatabaseEnvironmentPostProcessor.defaults(environment)).isEmpty();
    }
}
