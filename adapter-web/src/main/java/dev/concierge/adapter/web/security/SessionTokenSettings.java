package dev.concierge.adapter.web.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;

/**
 * How session tokens are signed and whom they name. The secret is never printed: {@link #toString()} hides it, and
 * no exception message repeats it.
 *
 * @param secret   the HMAC key, used as its UTF-8 bytes; at least {@value #MIN_SECRET_BYTES} bytes. Every instance
 *                 that must accept another's tokens needs the same one; {@link #randomSecret()} makes a strong one
 * @param issuer   the {@code iss} every token carries and must carry to be accepted, e.g. {@value #DEFAULT_ISSUER}
 * @param audience the {@code aud} every token carries and must carry to be accepted, e.g.
 *                 {@value #DEFAULT_AUDIENCE}
 */
public record SessionTokenSettings(String secret, String issuer, String audience) {

    /** The shortest secret accepted, in UTF-8 bytes: HS256 wants a key as long as its 256-bit output. */
    public static final int MIN_SECRET_BYTES = 32;
    public static final String DEFAULT_ISSUER = "concierge";
    public static final String DEFAULT_AUDIENCE = "concierge-api";

    private static final int RANDOM_SECRET_BYTES = 48;
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @throws NullPointerException     if a component is missing
     * @throws IllegalArgumentException if the secret is shorter than {@value #MIN_SECRET_BYTES} UTF-8 bytes, or the
     *                                  issuer or audience is blank; the message never contains the secret
     */
    public SessionTokenSettings {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(audience, "audience");
        int secretBytes = secret.getBytes(StandardCharsets.UTF_8).length;
        if (secretBytes < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the session token secret must be at least " + MIN_SECRET_BYTES
                    + " bytes long, was " + secretBytes);
        }
        if (issuer.isBlank() || audience.isBlank()) {
            throw new IllegalArgumentException("session tokens need an issuer and an audience");
        }
    }

    /** The given secret, with issuer {@value #DEFAULT_ISSUER} and audience {@value #DEFAULT_AUDIENCE}. */
    public static SessionTokenSettings withSecret(String secret) {
        return new SessionTokenSettings(secret, DEFAULT_ISSUER, DEFAULT_AUDIENCE);
    }

    /**
     * A new secret of {@value #RANDOM_SECRET_BYTES} random bytes, base64url without padding (64 characters). Meant
     * for a single instance that has no configured secret: its sessions end when it stops.
     */
    public static String randomSecret() {
        byte[] bytes = new byte[RANDOM_SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The HMAC key. */
    byte[] key() {
        return secret.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "SessionTokenSettings[secret=hidden, issuer=" + issuer + ", audience=" + audience + "]";
    }
}
