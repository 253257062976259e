package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The public key a tenant's embed snippet names ({@code data-client-id}): a URL-safe slug of 3 to 63 lower-case
 * letters, digits and single hyphens, starting and ending with a letter or digit. Input is trimmed and lower-cased.
 */
public record ClientKey(String value) {

    public static final int MIN_LENGTH = 3;
    public static final int MAX_LENGTH = 63;

    private static final Pattern SLUG =
            Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){" + (MIN_LENGTH - 1) + "," + (MAX_LENGTH - 1) + "}");

    public ClientKey {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new InvalidValueException(
                    "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " lower-case letters, digits or single hyphens,"
                            + " starting and ending with a letter or digit");
        }
    }

    public static ClientKey of(String raw) {
        if (raw == null) {
            throw new InvalidValueException("is required");
        }
        return new ClientKey(raw.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
