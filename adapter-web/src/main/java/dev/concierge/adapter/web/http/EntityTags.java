package dev.concierge.adapter.web.http;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Strong entity tags for answers whose bytes are known up front: the same bytes always get the same tag, so
 * clients can revalidate with {@code If-None-Match}.
 */
public final class EntityTags {

    private EntityTags() {
    }

    /** A quoted tag made of the first 128 bits of the content's SHA-256, for example {@code "3f2a...c9"}. */
    public static String of(byte[] content) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
