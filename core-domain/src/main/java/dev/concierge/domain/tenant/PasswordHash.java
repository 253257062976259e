package dev.concierge.domain.tenant;

import java.util.Objects;

/**
 * A one-way hash of an owner's password, in the hasher's own encoding (bcrypt's {@code $2a$12$...}).
 * Never returned by the API nor written to logs: {@link #toString()} hides it.
 */
public record PasswordHash(String value) {

    public PasswordHash {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a password hash cannot be blank");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[hidden]";
    }
}
