package dev.concierge.domain.account;

import java.time.Instant;
import java.util.Objects;

/**
 * How many attempts of one kind (failed sign-ins for one account, sign-ups from one address) were counted, and when
 * the last one was.
 *
 * @param count at least 1
 */
public record Attempts(int count, Instant last) {

    public Attempts {
        if (count < 1) {
            throw new IllegalArgumentException("a counted attempt is at least one, was " + count);
        }
        Objects.requireNonNull(last, "last");
    }
}
