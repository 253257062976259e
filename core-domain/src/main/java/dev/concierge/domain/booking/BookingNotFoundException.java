package dev.concierge.domain.booking;

import dev.concierge.domain.shared.DomainException;

/** No booking of this tenant has this id, or appointments are off for the tenant. */
public final class BookingNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public BookingNotFoundException(String what) {
        super(Kind.NOT_FOUND, "no booking " + what);
    }
}
