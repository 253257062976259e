package dev.concierge.domain.booking;

import dev.concierge.domain.shared.DomainException;
import dev.concierge.domain.shared.Violation;
import java.util.List;

/** Another active booking of the tenant holds (part of) this time. */
public final class SlotTakenException extends DomainException {

    private static final long serialVersionUID = 1L;

    public SlotTakenException() {
        super(Kind.CONFLICT, "This time has just been booked by someone else. Please choose another slot.");
    }

    @Override
    public List<Violation> violations() {
        return List.of(new Violation("start", "is already booked"));
    }
}
