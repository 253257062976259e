package dev.concierge.domain.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The SHA-256 hash of a {@link SecretToken}, as 64 lower-case hex digits: what a store keeps and looks tokens up by.
 * Someone who reads the store learns no usable token from it.
 */
public record TokenHash(String hex) {

    private static final Pattern FORMAT = Pattern.compile("[0-9a-f]{64}");

    public TokenHash {
        Objects.requireNonNull(hex, "hex");
        if (!FORMAT.matcher(hex).matches()) {
            throw new IllegalArgumentException("a token hash is 64 lower-case hex digits");
        }
    }

    static TokenHash of(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.US_ASCII));
            return new TokenHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
