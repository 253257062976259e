package dev.concierge.bootstrap.config;

import java.nio.file.Path;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Concierge's own settings, under {@code concierge.*}.
 *
 * @param dataDir  where the embedded database (and later the generated JWT secret and the mail outbox) live
 * @param demo     the demo tenant
 * @param security password hashing
 */
@ConfigurationProperties("concierge")
public record ConciergeProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Demo demo,
        @DefaultValue Security security) {

    /**
     * @param enabled seed the demo tenant on start and serve the demo page at {@code /}; on by default only on the
     *                embedded database
     * @param origins the origins the demo tenant allows ({@code CONCIERGE_DEMO_ORIGINS}, comma-separated); empty
     *                means not set: the demo is created for this server's own localhost origins, and an existing
     *                demo tenant keeps the origins it has. When set, they are applied to an existing demo tenant too.
     */
    public record Demo(@DefaultValue("false") boolean enabled, @DefaultValue List<String> origins) {

        public Demo {
            origins = origins == null ? List.of()
                    : origins.stream().map(String::strip).filter(origin -> !origin.isEmpty()).toList();
        }

        /** Whether {@link #origins()} was set explicitly. */
        public boolean originsSet() {
            return !origins.isEmpty();
        }
    }

    /**
     * @param bcryptStrength bcrypt's cost factor; each step doubles the time a hash takes
     */
    public record Security(@DefaultValue("12") int bcryptStrength) {
    }
}
