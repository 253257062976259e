package dev.concierge.application.port.in;

import java.util.Objects;

/**
 * Where a request came from, as the driving adapter determined it (an IP address, or a network such as an IPv6
 * /64), for rate limits and the security log.
 *
 * @param value 1 to {@value #MAX_LENGTH} printable ASCII characters
 */
public record ClientAddress(String value) {

    public static final int MAX_LENGTH = 64;

    /** The platform's own work, such as seeding the demo. */
    public static final ClientAddress INTERNAL = new ClientAddress("internal");

    public ClientAddress {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty() || value.length() > MAX_LENGTH || !value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new IllegalArgumentException("a client address is 1 to " + MAX_LENGTH + " printable characters");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
