package dev.concierge.application.testing;

import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.PlainPassword;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import reactor.core.publisher.Mono;

/**
 * A fast, unsalted SHA-256 hasher for tests that exercise use cases rather than password security.
 */
public final class InMemoryPasswordHasher implements PasswordHasher {

    private static final String PREFIX = "sha256:";

    @Override
    public Mono<PasswordHash> hash(PlainPassword password) {
        return Mono.fromSupplier(() -> new PasswordHash(PREFIX + sha256(password.reveal())));
    }

    @Override
    public Mono<Boolean> matches(String candidate, PasswordHash hash) {
        return Mono.fromSupplier(() -> hash.value().equals(PREFIX + sha256(candidate)));
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
