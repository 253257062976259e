package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.InvalidValueException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A CSS colour in hex notation ({@code #rgb} or {@code #rrggbb}), lower-cased. Only this notation is accepted so
 * that a colour can never smuggle other CSS into the widget.
 */
public record HexColor(String value) {

    /** The longest notation, {@code #rrggbb}. */
    public static final int MAX_LENGTH = 7;

    private static final Pattern HEX = Pattern.compile("#(?:[0-9a-f]{3}|[0-9a-f]{6})");

    public HexColor {
        if (value == null || !HEX.matcher(value).matches()) {
            throw new InvalidValueException("must be a hex colour such as #1f6feb");
        }
    }

    public static HexColor of(String raw) {
        if (raw == null) {
            throw new InvalidValueException("is required");
        }
        return new HexColor(raw.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
