package dev.concierge.bootstrap.security;

import dev.concierge.bootstrap.startup.ConfigurationProblemException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The secret that signs session tokens: {@code JWT_SECRET}, at least 32 bytes; or, on embedded defaults without it,
 * one generated on the first start and kept in {@code <data-dir>/jwt-secret}. With an external database it is
 * required, because every instance behind the load balancer must accept the tokens the others issued.
 */
public final class SessionSecret {

    static final int MIN_BYTES = 32;
    static final String FILE = "jwt-secret";

    private SessionSecret() {
    }

    /**
     * @param configured {@code JWT_SECRET}, or {@code null} or empty when not set
     * @param embedded   whether the server runs on embedded defaults
     * @param dataDir    where a generated secret is kept
     * @throws ConfigurationProblemException when the secret is too short, or missing with an external database
     */
    public static String resolve(String configured, boolean embedded, Path dataDir) {
        if (configured != null && !configured.isEmpty()) {
            int bytes = configured.getBytes(StandardCharsets.UTF_8).length;
            if (bytes < MIN_BYTES) {
                throw new ConfigurationProblemException("JWT_SECRET is " + bytes + " bytes long; session tokens need a"
                        + " secret of at least " + MIN_BYTES + " bytes.",
                        "Set JWT_SECRET to at least " + MIN_BYTES + " random bytes, for example the output of"
                                + " 'openssl rand -base64 48'.");
            }
            return configured;
        }
        if (!embedded) {
            throw new ConfigurationProblemException("JWT_SECRET is not set. With DATABASE_URL, every instance must"
                    + " sign session tokens with the same secret, so none can be generated.",
                    "Set JWT_SECRET to at least " + MIN_BYTES + " random bytes (the same on every instance), for"
                            + " example the output of 'openssl rand -base64 48'.");
        }
        Path file = dataDir.resolve(FILE);
        return GeneratedSecrets.read(file).filter(kept -> kept.getBytes(StandardCharsets.UTF_8).length >= MIN_BYTES)
                .orElseGet(() -> GeneratedSecrets.writeOnce(file, GeneratedSecrets.random(48)));
    }
}
