package dev.concierge.adapter.mail.delivery;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and how mail is handed to an SMTP server. Every network wait is bounded: the mail library's own defaults wait
 * forever, which would let one hung server hold a sending thread for good.
 *
 * @param host           the server's host name
 * @param port           its port, 1 to 65535
 * @param security       how the connection is protected
 * @param username       the user to authenticate as, or {@code null} to send without authenticating
 * @param password       that user's password; {@code null} exactly when {@code username} is; never shown by
 *                       {@link #toString()}
 * @param connectTimeout how long to wait for the connection, at most {@link #MAX_TIMEOUT}
 * @param readTimeout    how long to wait for each answer of the server, at most {@link #MAX_TIMEOUT}
 * @param writeTimeout   how long one write to the server may take, at most {@link #MAX_TIMEOUT}
 */
public record SmtpSettings(String host, int port, Security security, String username, String password,
        Duration connectTimeout, Duration readTimeout, Duration writeTimeout) {

    public static final Duration MAX_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofSeconds(10);

    /** How the connection to the server is protected. */
    public enum Security {
        /** Plain connection upgraded with STARTTLS, which the server must offer (submission, port 587). */
        STARTTLS,
        /** TLS from the first byte (SMTPS, port 465). */
        SSL,
        /** No encryption: for a relay on the same host or network, and for tests. */
        NONE;

        /** {@link #SSL} on port 465, where servers expect TLS from the start; {@link #STARTTLS} anywhere else. */
        public static Security forPort(int port) {
            return port == 465 ? SSL : STARTTLS;
        }
    }

    public SmtpSettings {
        if (host == null || host.isEmpty()
                || host.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("the SMTP host must be a host name, was '" + host + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("the SMTP port must be between 1 and 65535, was " + port);
        }
        Objects.requireNonNull(security, "security");
        if (username != null && username.isBlank()) {
            throw new IllegalArgumentException("an SMTP username must not be blank; leave it out to send without one");
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("an SMTP username and password are given together or not at all");
        }
        requireBounded(connectTimeout, "connectTimeout");
        requireBounded(readTimeout, "readTimeout");
        requireBounded(writeTimeout, "writeTimeout");
    }

    /**
     * A server as the {@code EMAIL_*} settings describe it: security {@linkplain Security#forPort(int) from the port},
     * the default timeouts, and a blank username or password taken as not set.
     */
    public static SmtpSettings forServer(String host, int port, String username, String password) {
        return forServer(host, port, Security.forPort(port), username, password);
    }

    /** Like {@link #forServer(String, int, String, String)}, with the security given. */
    public static SmtpSettings forServer(String host, int port, Security security, String username, String password) {
        return new SmtpSettings(host, port, security, blankToNull(username), blankToNull(password),
                DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_WRITE_TIMEOUT);
    }

    /** Whether the server is asked to authenticate the sender. */
    public boolean authenticates() {
        return username != null;
    }

    /** Host, port, security and user, never the password: safe to log. */
    @Override
    public String toString() {
        return host + ":" + port + " (" + security + (authenticates() ? ", user " + username : ", no login") + ")";
    }

    private static void requireBounded(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero() || timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new IllegalArgumentException(name + " must be positive and at most " + MAX_TIMEOUT.toSeconds()
                    + " s, was " + timeout);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
