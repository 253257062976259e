package dev.concierge.bootstrap.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Secrets an embedded-defaults server makes for itself once and keeps in its data directory, readable by its own
 * user only, so that they survive restarts. Never used with an external database: several instances would each
 * make their own.
 */
final class GeneratedSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private GeneratedSecrets() {
    }

    /** {@code bytes} random bytes, URL-safe base64 encoded. */
    static String random(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    /** The content of {@code file}, trimmed, if it exists. */
    static Optional<String> read(Path file) {
        try {
            return Files.exists(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).strip())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /**
     * Writes {@code content} to a new {@code file} that only its owner can read, or, when another instance on the
     * same data directory wrote it first, returns what that one wrote.
     */
    static String writeOnce(Path file, String content) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temporary = Files.createTempFile(file.toAbsolutePath().getParent(), ".secret", ".tmp");
            try {
                ownerOnly(temporary);
                Files.writeString(temporary, content + "\n", StandardCharsets.UTF_8);
                Files.createLink(file, temporary);
                return content;
            } catch (FileAlreadyExistsException raced) {
                return read(file).orElseThrow();
            } catch (UnsupportedOperationException noHardLinks) {
                Files.move(temporary, file);
                return content;
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's own permissions apply.
        }
    }
}
