package dev.concierge.bootstrap.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Concierge's own settings, under {@code concierge.*}.
 *
 * @param dataDir  where the embedded database (and later the generated JWT secret and the mail outbox) live
 * @param demo     the demo tenant
 * @param security password hashing
 * @param web      the HTTP server's limits and timeouts
 * @param widget   the per-instance cache of widgets' public configuration
 */
@ConfigurationProperties("concierge")
public record ConciergeProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue Demo demo,
        @DefaultValue Security security,
        @DefaultValue Web web,
        @DefaultValue Widget widget) {

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

    /**
     * @param maxRequestBytes the largest request body; larger ones get 413
     * @param headerTimeout   how long a client may take to send a request's line and headers
     * @param readTimeout     the longest pause allowed while a request body arrives
     * @param idleTimeout     how long a kept-alive connection may wait for its next request
     */
    public record Web(
            @DefaultValue("64KB") DataSize maxRequestBytes,
            @DefaultValue("10s") Duration headerTimeout,
            @DefaultValue("10s") Duration readTimeout,
            @DefaultValue("60s") Duration idleTimeout) {
    }

    /**
     * @param cacheTtl        how long an instance serves a widget's configuration without reading the database; a
     *                        change made through another instance shows within this time
     * @param cacheMaxEntries the most client keys (known and unknown) an instance caches at once
     */
    public record Widget(
            @DefaultValue("5s") Duration cacheTtl,
            @DefaultValue("10000") int cacheMaxEntries) {
    }
}
