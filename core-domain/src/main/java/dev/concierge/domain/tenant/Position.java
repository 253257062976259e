package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.InvalidValueException;
import java.util.Locale;

/**
 * Where the widget's launcher sits on the host page.
 */
public enum Position {
    BOTTOM_RIGHT,
    BOTTOM_LEFT,
    BOTTOM_CENTER;

    /**
     * Reads a position as the API and the widget's {@code data-position} spell it ({@code bottom-right}), or as its
     * constant name ({@code BOTTOM_RIGHT}).
     *
     * @throws InvalidValueException for anything else
     */
    public static Position parse(String raw) {
        if (raw != null) {
            String name = raw.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Position position : values()) {
                if (position.name().equals(name)) {
                    return position;
                }
            }
        }
        throw new InvalidValueException("must be one of: bottom-right, bottom-left, bottom-center");
    }

    /** The spelling of the API and the widget, such as {@code bottom-right}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
