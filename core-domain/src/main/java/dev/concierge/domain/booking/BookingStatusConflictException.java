package dev.concierge.domain.booking;

import dev.concierge.domain.shared.DomainException;

/** A booking cannot take the wanted step from where it stands, such as confirming a cancelled one. */
public final class BookingStatusConflictException extends DomainException {

    private static final long serialVersionUID = 1L;

    public BookingStatusConflictException(BookingStatus current, String wanted) {
        super(Kind.CONFLICT, "the booking is " + current + " and cannot be " + wanted);
    }
}
