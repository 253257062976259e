package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.InvalidValueException;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * A web origin allowed to embed a tenant's widget, normalised to {@code scheme://host[:port]}: scheme and host in
 * lower case, the scheme's default port dropped, international host names in their ASCII form. Only {@code http}
 * and {@code https} are accepted, and an origin is exact: no path, query, fragment, user info or wildcard.
 */
public record Origin(String value) {

    /** The longest normalised origin: {@code https://} plus a 253-character DNS name plus {@code :65535}, with room. */
    public static final int MAX_LENGTH = 300;

    public Origin {
        if (value == null || !value.equals(normalise(value))) {
            throw new InvalidValueException("must be a normalised origin such as https://shop.example");
        }
    }

    /**
     * Normalises what an owner typed; a single trailing slash is tolerated ({@code https://shop.example/}).
     *
     * @throws InvalidValueException naming what is wrong with the input
     */
    public static Origin parse(String raw) {
        if (raw == null) {
            throw new InvalidValueException("is required");
        }
        return new Origin(normalise(raw.strip()));
    }

    /**
     * Reads an {@code Origin} request header; anything that is not an exact http(s) origin (including the opaque
     * origin {@code null}) yields empty.
     */
    public static Optional<Origin> fromHeader(String header) {
        if (header == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(parse(header));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    private static String normalise(String raw) {
        if (raw.contains("*")) {
            throw new InvalidValueException("must name one exact origin; wildcards are not allowed");
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new InvalidValueException("must be an origin such as https://shop.example");
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new InvalidValueException("must start with http:// or https://");
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidValueException("must not contain user information");
        }
        String path = uri.getRawPath();
        if (uri.getRawQuery() != null || uri.getRawFragment() != null || (path != null && !path.isEmpty() && !path.equals("/"))) {
            throw new InvalidValueException("must be an origin only (scheme, host and port) without path, query or fragment");
        }
        String host = uri.getHost();
        int port = uri.getPort();
        if (host == null && uri.getRawAuthority() != null) {
            // java.net.URI leaves non-ASCII host names unparsed; take them from the authority.
            String authority = uri.getRawAuthority();
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? -1 : parsePort(authority.substring(colon + 1));
        }
        if (host == null || host.isEmpty()) {
            throw new InvalidValueException("must name a host");
        }
        try {
            host = host.startsWith("[") ? host.toLowerCase(Locale.ROOT)
                    : IDN.toASCII(host, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("must name a valid host");
        }
        if (port != -1 && (port < 1 || port > 65535)) {
            throw new InvalidValueException("must have a port between 1 and 65535");
        }
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String origin = scheme + "://" + host + (defaultPort ? "" : ":" + port);
        if (origin.length() > MAX_LENGTH) {
            throw new InvalidValueException("must be at most " + MAX_LENGTH + " characters long");
        }
        return origin;
    }

    private static int parsePort(String digits) {
        try {
            int port = Integer.parseInt(digits);
            if (port < 1 || port > 65535) {
                throw new NumberFormatException(digits);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new InvalidValueException("must have a port between 1 and 65535");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
