package dev.concierge.domain.token;

import java.time.Duration;

/**
 * What a one-time token may be used for, and for how long. A token is good for its own purpose only: a reset token
 * does not verify an address.
 */
public enum TokenPurpose {

    /** Choosing a new password after "forgot password". */
    PASSWORD_RESET(Duration.ofHours(1)),
    /** Proving that an owner's e-mail address is theirs. */
    EMAIL_VERIFICATION(Duration.ofHours(24)),
    /** The owner confirms a booking from the link in the request mail; valid until the appointment at most. */
    BOOKING_CONFIRM(Duration.ofDays(61)),
    /** The owner cancels a booking from the link in the request mail; valid until the appointment at most. */
    BOOKING_CANCEL(Duration.ofDays(61)),
    /** The visitor cancels their booking from the link in their receipt; valid until the appointment at most. */
    BOOKING_VISITOR_CANCEL(Duration.ofDays(61));

    private final Duration lifetime;

    TokenPurpose(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** How long a token of this purpose is valid after it was issued, at most. */
    public Duration lifetime() {
        return lifetime;
    }
}
