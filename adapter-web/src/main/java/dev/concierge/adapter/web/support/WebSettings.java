package dev.concierge.adapter.web.support;

import java.time.Duration;
import java.util.Objects;

/**
 * The web adapter's settings. The host application builds one from its own typed configuration and registers it as
 * a bean; without one, {@link #defaults()} apply.
 *
 * @param maxRequestBytes the largest request body accepted, in bytes; larger ones get 413
 * @param headerTimeout   how long a connection may take to send a request's line and headers, counted from the
 *                        connection's start or the end of the previous answer; a slower one is closed
 * @param readTimeout     the longest pause allowed while a request body arrives; after it the connection is closed
 * @param idleTimeout     how long a kept-alive connection may wait for its next request
 */
public record WebSettings(long maxRequestBytes, Duration headerTimeout, Duration readTimeout, Duration idleTimeout) {

    /** A sign-up or a chat message is a few hundred bytes. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;
    /** The longest request line (method, path and query, version) the server reads: 414 beyond. */
    public static final int MAX_REQUEST_LINE_LENGTH = 4096;
    /** The most header bytes the server reads: 431 beyond. */
    public static final int MAX_HEADER_BYTES = 8192;

    public WebSettings {
        if (maxRequestBytes < 1 || maxRequestBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the body limit must be between 1 and " + Integer.MAX_VALUE
                    + " bytes, was " + maxRequestBytes);
        }
        requirePositive(headerTimeout, "headerTimeout");
        requirePositive(readTimeout, "readTimeout");
        requirePositive(idleTimeout, "idleTimeout");
    }

    public static WebSettings defaults() {
        return new WebSettings(DEFAULT_MAX_REQUEST_BYTES, Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(60));
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + duration);
        }
    }
}
