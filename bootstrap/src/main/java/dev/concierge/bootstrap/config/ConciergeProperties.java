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
 * @param dataDir  where the embedded database, the generated JWT secret and admin password hash (and later the mail
 *                 outbox) live
 * @param embedded whether the server runs on its embedded defaults (no {@code DATABASE_URL}); set by
 *                 {@link DatabaseEnvironmentPostProcessor}, it allows generated secrets
 * @param demo     the demo tenant
 * @param security password hashing
 * @param web      the HTTP server's limits and timeouts
 * @param widget   the per-instance cache of widgets' public configuration
 */
@ConfigurationProperties("concierge")
public record ConciergeProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("false") boolean embedded,
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
     * @param bcryptStrength          bcrypt's cost factor; each step doubles the time a hash takes
     * @param hashingThreads          threads that hash passwords; 0 for half the processors (at least one), so that
     *                                bcrypt never takes every core from the event loop
     * @param hashingQueue            password checks that may wait for a hashing thread; more are answered 503; 0 for
     *                                8 per thread
     * @param jwtSecret               the secret that signs session tokens ({@code JWT_SECRET}), at least 32 bytes;
     *                                required with an external database, generated once into the data directory on
     *                                embedded defaults
     * @param adminEmail              the platform admin's sign-in ({@code ADMIN_EMAIL})
     * @param adminPassword           the platform admin's password ({@code ADMIN_PASSWORD}): a bcrypt hash, or a plain
     *                                value of at least 12 characters with an upper-case letter and a digit, hashed at
     *                                start; on embedded defaults without it one is generated and printed once
     * @param loginsPerAddressPerMinute sign-in requests one client address may send a minute
     * @param signUpsPerAddressPerHour  sign-ups one client address may send an hour
     * @param accountFreeFailures     failed sign-ins of one account before it is locked (30 s, doubling to 15 min)
     * @param addressFreeFailures     failed sign-ins from one client address before it is locked
     */
    public record Security(
            @DefaultValue("12") int bcryptStrength,
            @DefaultValue("0") int hashingThreads,
            @DefaultValue("0") int hashingQueue,
            String jwtSecret,
            @DefaultValue("admin@concierge.local") String adminEmail,
            String adminPassword,
            @DefaultValue("30") int loginsPerAddressPerMinute,
            @DefaultValue("10") int signUpsPerAddressPerHour,
            @DefaultValue("5") int accountFreeFailures,
            @DefaultValue("20") int addressFreeFailures) {

        @Override
        public String toString() {
            return "Security[bcryptStrength=" + bcryptStrength + ", adminEmail=" + adminEmail + ", secrets hidden]";
        }
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
