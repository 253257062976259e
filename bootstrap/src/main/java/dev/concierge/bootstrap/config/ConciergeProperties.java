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
 * @param dataDir  where the embedded database, the generated JWT secret and admin password hash, and the mail outbox
 *                 folder (when no SMTP server is set) live
 * @param embedded whether the server runs on its embedded defaults (no {@code DATABASE_URL}); set by
 *                 {@link DatabaseEnvironmentPostProcessor}, it allows generated secrets
 * @param demo     the demo tenant
 * @param security password hashing
 * @param web      the HTTP server's limits and timeouts
 * @param widget   the per-instance cache of widgets' public configuration
 * @param publicUrl the address visitors and owners reach the platform at ({@code FRONTEND_URL}), which links in mails
 *                 start with; required with an external database, the server's own {@code http://localhost:PORT} on
 *                 embedded defaults
 * @param mail     how mail leaves the platform
 * @param appointments how far ahead visitors book
 * @param llm      which language model answers for the assistants
 * @param chat     the chat's limits
 */
@ConfigurationProperties("concierge")
public record ConciergeProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("false") boolean embedded,
        @DefaultValue Demo demo,
        @DefaultValue Security security,
        @DefaultValue Web web,
        @DefaultValue Widget widget,
        String publicUrl,
        @DefaultValue Mail mail,
        @DefaultValue Appointments appointments,
        @DefaultValue Llm llm,
        @DefaultValue Chat chat) {

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
     * @param resetsPerAddressPerHour   password-reset requests one client address may send an hour
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
            @DefaultValue("10") int resetsPerAddressPerHour,
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

    /**
     * @param host           the SMTP server ({@code EMAIL_HOST}); empty: mails are written as {@code .eml} files to
     *                       {@code outbox} in the data directory and logged
     * @param port           its port ({@code EMAIL_PORT}): 465 speaks TLS from the start (SMTPS), any other port
     *                       upgrades with STARTTLS, which is then required
     * @param username       the SMTP account ({@code EMAIL_USER}); empty: no authentication
     * @param password       its password ({@code EMAIL_PASS})
     * @param from           the sender address ({@code EMAIL_FROM}); empty: the SMTP account when it is an address,
     *                       else {@code no-reply@} the public host
     * @param plainSmtp      send without TLS: only for a relay on the same host or network
     * @param pollInterval   how often each instance looks for mails to send
     * @param maxAttempts    attempts before a mail is marked failed (waits double from 30 seconds to an hour)
     * @param resetAnswerFloor the least time a password-reset request takes to answer, the same whether or not the
     *                       address has an account
     */
    public record Mail(
            String host,
            @DefaultValue("587") int port,
            String username,
            String password,
            String from,
            @DefaultValue("false") boolean plainSmtp,
            @DefaultValue("2s") Duration pollInterval,
            @DefaultValue("12") int maxAttempts,
            @DefaultValue("250ms") Duration resetAnswerFloor) {

        /** Whether an SMTP server is configured. */
        public boolean smtp() {
            return host != null && !host.isBlank();
        }

        @Override
        public String toString() {
            return "Mail[host=" + host + ", port=" + port + ", username=" + username + ", password hidden]";
        }
    }

    /**
     * @param leadTime the least notice a booking gives: no slot sooner than this from now is offered or booked
     */
    public record Appointments(@DefaultValue("1h") Duration leadTime) {
    }

    /**
     * @param provider        {@code LLM_PROVIDER}: {@code offline}, {@code openai} or {@code anthropic}; unset, an
     *                        {@code OPENAI_API_KEY} selects OpenAI, an {@code ANTHROPIC_API_KEY} Anthropic, an
     *                        {@code LLM_BASE_URL} alone an OpenAI-compatible server, else the offline assistant answers
     * @param openaiApiKey    {@code OPENAI_API_KEY}
     * @param anthropicApiKey {@code ANTHROPIC_API_KEY}
     * @param model           {@code LLM_MODEL}
     * @param baseUrl         {@code LLM_BASE_URL}, for OpenAI-compatible servers (Ollama, vLLM, LM Studio, gateways)
     * @param allowedModels   {@code LLM_ALLOWED_MODELS}: other models a tenant may pick, comma-separated
     */
    public record Llm(String provider, String openaiApiKey, String anthropicApiKey, String model, String baseUrl,
            String allowedModels, @DefaultValue("5s") Duration connectTimeout, @DefaultValue("60s") Duration readTimeout,
            @DefaultValue("2") int maxRetries) {

        @Override
        public String toString() {
            return "Llm[provider=" + provider + ", model=" + model + ", baseUrl=" + baseUrl + ", connectTimeout="
                    + connectTimeout + ", readTimeout=" + readTimeout + ", maxRetries=" + maxRetries + ", keys hidden]";
        }
    }

    /**
     * @param tenantMessagesPerHour messages all visitors of one tenant may send an hour (each visitor also at most 20 in
     *                              any ten minutes)
     * @param dailyTokens           tokens one tenant's assistant may use per UTC day
     */
    public record Chat(@DefaultValue("600") int tenantMessagesPerHour, @DefaultValue("200000") long dailyTokens) {
    }
}
