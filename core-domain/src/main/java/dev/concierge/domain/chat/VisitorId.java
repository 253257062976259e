package dev.concierge.domain.chat;

import dev.concierge.domain.shared.InvalidValueException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The anonymous id a widget makes up for its visitor and keeps in the browser: 8 to 64 letters, digits, {@code -} or
 * {@code _}. It names nobody; it only ties a visitor's conversations and limits together.
 */
public record VisitorId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    public VisitorId {
        Objects.requireNonNull(value, "value");
        if (!FORMAT.matcher(value).matches()) {
            throw new InvalidValueException("must be 8 to 64 letters, digits, - or _");
        }
    }

    public static VisitorId of(String raw) {
        if (raw == null) {
            throw new InvalidValueException("is required");
        }
        return new VisitorId(raw.strip());
    }
}
