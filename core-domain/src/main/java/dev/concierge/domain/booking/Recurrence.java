package dev.concierge.domain.booking;

import dev.concierge.domain.shared.InvalidValueException;
import java.util.Locale;

/** How often an availability rule repeats. */
public enum Recurrence {
    /** On its start date only. */
    ONCE,
    /** Every day from its start date. */
    DAILY,
    /** Every week on the weekday of its start date. */
    WEEKLY;

    public static Recurrence parse(String raw) {
        if (raw != null) {
            for (Recurrence recurrence : values()) {
                if (recurrence.name().equals(raw.strip().toUpperCase(Locale.ROOT))) {
                    return recurrence;
                }
            }
        }
        throw new InvalidValueException("must be one of: ONCE, DAILY, WEEKLY");
    }
}
