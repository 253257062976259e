package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address, trimmed and lower-cased so that one mailbox maps to one account.
 * The check is deliberately pragmatic: one {@code @}, a non-empty local part, a dotted domain, no spaces.
 */
public record EmailAddress(String value) {

    /** The longest address SMTP can carry (RFC 5321's 256-octet path, less its angle brackets). */
    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile(
            "[a-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    public EmailAddress {
        if (value == null || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()
                || value.startsWith(".") || value.contains("..") || value.contains(".@")) {
            throw new InvalidValueException("must be a valid e-mail address");
        }
    }

    public static EmailAddress of(String raw) {
        if (raw == null) {
            throw new InvalidValueException("is required");
        }
        return new EmailAddress(raw.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
