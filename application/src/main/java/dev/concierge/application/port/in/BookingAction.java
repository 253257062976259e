package dev.concierge.application.port.in;

import dev.concierge.domain.token.TokenPurpose;

/** What a link in a booking mail does. */
public enum BookingAction {
    /** The owner confirms. */
    CONFIRM(TokenPurpose.BOOKING_CONFIRM),
    /** The owner cancels. */
    CANCEL(TokenPurpose.BOOKING_CANCEL),
    /** The visitor cancels. */
    VISITOR_CANCEL(TokenPurpose.BOOKING_VISITOR_CANCEL);

    private final TokenPurpose purpose;

    BookingAction(TokenPurpose purpose) {
        this.purpose = purpose;
    }

    public TokenPurpose purpose() {
        return purpose;
    }
}
