package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The public key a tenant's embed snippet names ({@code data-client-id}): a URL-safe slug of 3 to 63 lower-case
 * letters, digits and single hyphens, starting and ending with a letter or digit. Input is trimmed and lower-cased.
 */
public record ClientKey(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){2,62}");

    public ClientKey {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new InvalidValueException(
                    "must be 3 to 63 lower-case letters, digits or single hyphens, starting and ending with a letter or digit");
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
