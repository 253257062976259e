package dev.concierge.application.testing;

import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.domain.account.PasswordCandidate;
import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.PlainPassword;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Mono;

/**
 * A fast salted SHA-256 hasher for tests that exercise use cases rather than password security. Never use it for
 * real passwords: a single fast hash is cheap to brute-force.
 */
public final class InMemoryPasswordHasher implements PasswordHasher {

    private static final String PREFIX = "sha256:";

    @Override
    public Mono<PasswordHash> hash(PlainPassword password) {
        return Mono.fromSupplier(() -> {
            String salt = HexFormat.of().formatHex(longBytes(ThreadLocalRandom.current().nextLong()));
            return new PasswordHash(PREFIX + salt + ":" + sha256(salt + password.reveal()));
        });
    }

    @Override
    public Mono<Boolean> matches(PasswordCandidate candidate, PasswordHash hash) {
        return Mono.fromSupplier(() -> {
            String[] parts = hash.value().split(":", -1);
            return parts.length == 3 && (parts[0] + ":").equals(PREFIX)
                    && MessageDigest.isEqual(parts[2].getBytes(StandardCharsets.UTF_8),
                            sha256(parts[1] + candidate.reveal()).getBytes(StandardCharsets.UTF_8));
        });
    }

    private static byte[] longBytes(long value) {
        byte[] bytes = new byte[Long.BYTES];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
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
