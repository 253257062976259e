package dev.concierge.domain.shared;

import java.util.Objects;

/**
 * One broken rule, attributed to the input field that broke it.
 *
 * @param field   the name of the input field, as the caller knows it (for example {@code ownerEmail})
 * @param message what is wrong, in words a person can act on
 */
public record Violation(String field, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
