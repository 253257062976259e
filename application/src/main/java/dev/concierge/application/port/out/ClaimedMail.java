package dev.concierge.application.port.out;

import java.util.Objects;

/**
 * A queued mail that one poller took for an attempt.
 *
 * @param attempt which attempt this is, from 1
 */
public record ClaimedMail(OutgoingMail mail, int attempt) {

    public ClaimedMail {
        Objects.requireNonNull(mail, "mail");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, was " + attempt);
        }
    }
}
