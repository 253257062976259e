package dev.concierge.domain.booking;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * One bookable occurrence: when it starts and ends, and its start as the business's clock shows it.
 *
 * @param localStart {@code start} in the tenant's time zone
 */
public record Slot(Instant start, Instant end, ZonedDateTime localStart) {

    public Slot {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(localStart, "localStart");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a slot ends after it starts");
        }
    }

    /** Whether this slot and {@code [otherStart, otherEnd)} share any moment. */
    public boolean overlaps(Instant otherStart, Instant otherEnd) {
        return start.isBefore(otherEnd) && otherStart.isBefore(end);
    }
}
