package dev.concierge.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Collects broken rules across several fields so that a caller learns about all of them at once.
 *
 * <pre>{@code
 * var violations = new Violations();
 * EmailAddress email = violations.field("ownerEmail", raw.email(), EmailAddress::of);
 * ClientKey key = violations.field("clientKey", raw.clientKey(), ClientKey::of);
 * violations.throwIfAny();
 * }</pre>
 *
 * A field that fails yields {@code null}; callers must call {@link #throwIfAny()} before using the results.
 */
public final class Violations {

    private final List<Violation> found = new ArrayList<>();

    /**
     * Converts a raw input value, recording a violation for {@code field} when it is missing or invalid.
     */
    public <R, T> T field(String field, R raw, Function<R, T> factory) {
        if (raw == null) {
            found.add(new Violation(field, "is required"));
            return null;
        }
        return attempt(field, () -> factory.apply(raw));
    }

    /**
     * Runs a factory, recording a violation for {@code field} when it rejects its input.
     */
    public <T> T attempt(String field, Supplier<T> factory) {
        try {
            return factory.get();
        } catch (InvalidValueException e) {
            found.add(new Violation(field, e.getMessage()));
            return null;
        }
    }

    /**
     * Runs a factory that validates several fields itself, keeping what it finds wrong with the violations found
     * here, so that one answer names every invalid field.
     */
    public <T> T collect(Supplier<T> factory) {
        try {
            return factory.get();
        } catch (ValidationException e) {
            found.addAll(e.violations());
            return null;
        }
    }

    public void add(String field, String message) {
        found.add(new Violation(field, message));
    }

    public void throwIfAny() {
        if (!found.isEmpty()) {
            throw new ValidationException(found);
        }
    }
}
