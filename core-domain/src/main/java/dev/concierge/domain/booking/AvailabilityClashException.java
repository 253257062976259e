package dev.concierge.domain.booking;

import dev.concierge.domain.shared.DomainException;
import dev.concierge.domain.shared.Violation;
import java.time.LocalDate;
import java.util.List;

/** A new or changed rule would have occurrences that overlap those of an existing rule. */
public final class AvailabilityClashException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final AvailabilityRule existing;
    private final LocalDate on;

    public AvailabilityClashException(AvailabilityRule existing, LocalDate on) {
        super(Kind.CONFLICT, "overlaps the rule " + existing.id() + " (" + existing.recurrence() + " from "
                + existing.startDate() + " at " + existing.startTime() + " for " + existing.duration().toMinutes()
                + " minutes) on " + on);
        this.existing = existing;
        this.on = on;
    }

    public AvailabilityRule existing() {
        return existing;
    }

    public LocalDate on() {
        return on;
    }

    @Override
    public List<Violation> violations() {
        return List.of(new Violation("startTime", getMessage()));
    }
}
