package dev.concierge.domain.tenant;

import java.util.Objects;

/**
 * A one-way hash of an owner's password, in the hasher's own encoding (bcrypt's {@code $2a$12$...}).
 * Never returned by the API nor written to logs: {@link #toString()} hides it.
 */
public record PasswordHash(String value) {

    /** Room for any common encoding; bcrypt's is 60 characters. */
    public static final int MAX_LENGTH = 100;

    public PasswordHash {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a password hash cannot be blank");
        }
        if (value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a password hash cannot be longer than " + MAX_LENGTH + " characters");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[hidden]";
    }
}
