package dev.concierge.bootstrap.config;

import java.nio.file.Path;
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
     * @param enabled seed the demo tenant on start; on by default only on the embedded database
     */
    public record Demo(@DefaultValue("false") boolean enabled) {
    }

    /**
     * @param bcryptStrength bcrypt's cost factor; each step doubles the time a hash takes
     */
    public record Security(@DefaultValue("12") int bcryptStrength) {
    }
}
