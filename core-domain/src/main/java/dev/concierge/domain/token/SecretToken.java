package dev.concierge.domain.token;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A random secret that proves its holder received a mail: 32 bytes from {@link SecureRandom}, written as URL-safe
 * base64 without padding (43 characters), so it fits in a link's path as it is. Only its {@link #hash()} is stored;
 * {@link #toString()} hides it so that it cannot reach a log by accident.
 */
public final class SecretToken {

    /** 256 bits: far beyond guessing, so a fast hash suffices to store it (see ADR 0012). */
    public static final int BYTES = 32;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final String value;

    private SecretToken(String value) {
        this.value = value;
    }

    /** A new secret from the platform's strong random source. */
    public static SecretToken generate() {
        byte[] bytes = new byte[BYTES];
        RANDOM.nextBytes(bytes);
        return new SecretToken(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /**
     * Reads a secret as it arrives in a link or a request.
     *
     * @return the secret, or empty when {@code raw} cannot be one (wrong length or characters), which callers answer
     *         exactly like an unknown secret
     */
    public static Optional<SecretToken> parse(String raw) {
        return raw != null && FORMAT.matcher(raw).matches() ? Optional.of(new SecretToken(raw)) : Optional.empty();
    }

    /** The secret as it goes into a link. */
    public String value() {
        return value;
    }

    /** What is stored in its place. */
    public TokenHash hash() {
        return TokenHash.of(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretToken token && token.value.equals(value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(value);
    }

    @Override
    public String toString() {
        return "SecretToken[hidden]";
    }
}
