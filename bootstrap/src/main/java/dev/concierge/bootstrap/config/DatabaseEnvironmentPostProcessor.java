package dev.concierge.bootstrap.config;

import dev.concierge.adapter.persistence.DatabaseUrl;
import dev.concierge.bootstrap.startup.ConfigurationProblemException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Chooses the database before anything connects, in this order:
 * <ol>
 *   <li>standard Spring properties ({@code spring.r2dbc.url}, {@code spring.flyway.url}) when set win; an R2DBC URL
 *       without a Flyway URL is refused (unless {@code spring.flyway.enabled} is false), because the schema would
 *       never be migrated and every query would fail;</li>
 *   <li>{@code DATABASE_URL} in the original platform's form ({@code postgresql://user:pass@host:5432/db}) selects
 *       PostgreSQL, for both R2DBC and the Flyway migration;</li>
 *   <li>otherwise an H2 file database under {@code concierge.data-dir} (default {@code ./data}), and the demo
 *       tenant is switched on unless {@code concierge.demo.enabled} says otherwise.</li>
 * </ol>
 * The derived values are added with the lowest precedence, so any explicit setting overrides them.
 */
public final class DatabaseEnvironmentPostProcessor implements EnvironmentPostProcessor {

    static final String SOURCE_NAME = "conciergeDatabaseDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addLast(new MapPropertySource(SOURCE_NAME, defaults(environment)));
    }

    static Map<String, Object> defaults(ConfigurableEnvironment environment) {
        Map<String, Object> defaults = new HashMap<>();
        if (environment.containsProperty("spring.r2dbc.url")) {
            requireMigration(environment);
            return defaults;
        }
        String databaseUrl = environment.getProperty("DATABASE_URL");
        if (databaseUrl != null && !databaseUrl.isBlank()) {
            DatabaseUrl postgres = DatabaseUrl.parse(databaseUrl);
            defaults.put("spring.r2dbc.url", postgres.r2dbcUrl());
            defaults.put("spring.flyway.url", postgres.jdbcUrl());
            postgres.username().ifPresent(user -> {
                defaults.put("spring.r2dbc.username", user);
                defaults.put("spring.flyway.user", user);
            });
            postgres.password().ifPresent(password -> {
                defaults.put("spring.r2dbc.password", password);
                defaults.put("spring.flyway.password", password);
            });
            return defaults;
        }
        Path file = Path.of(environment.getProperty("concierge.data-dir", "./data"))
                .toAbsolutePath().normalize().resolve("concierge");
        String path = file.toString().replace('\\', '/');
        // Flyway's JDBC connection closes after migrating; keeping the database open lets R2DBC take over at once.
        String options = ";DB_CLOSE_DELAY=-1";
        // R2DBC URLs drop the slash after the empty host, so an absolute path needs one more: file:////srv/...
        defaults.put("spring.r2dbc.url", "r2dbc:h2:file:///" + path + options);
        defaults.put("spring.r2dbc.username", "sa");
        defaults.put("spring.r2dbc.password", "");
        defaults.put("spring.flyway.url", "jdbc:h2:file:" + path + options);
        defaults.put("spring.flyway.user", "sa");
        defaults.put("spring.flyway.password", "");
        defaults.put("concierge.demo.enabled", "true");
        defaults.put("concierge.embedded", "true");
        return defaults;
    }

    private static void requireMigration(ConfigurableEnvironment environment) {
        boolean migrates = environment.getProperty("spring.flyway.enabled", Boolean.class, true);
        if (migrates && !environment.containsProperty("spring.flyway.url")) {
            throw new ConfigurationProblemException(
                    "SPRING_R2DBC_URL (spring.r2dbc.url) is set but SPRING_FLYWAY_URL (spring.flyway.url) is not, so the"
                            + " database schema would never be created or migrated.",
                    "Set SPRING_FLYWAY_URL (the JDBC URL of the same database), SPRING_FLYWAY_USER and"
                            + " SPRING_FLYWAY_PASSWORD too, or set DATABASE_URL alone instead of the SPRING_* variables.");
        }
    }
}
