package dev.concierge.application.port.out;

/** Where a queued mail stands. */
public enum MailStatus {
    /** Waiting for its first or next attempt. */
    PENDING,
    /** Handed to the mail server (or written to the outbox folder). */
    SENT,
    /** Given up after too many attempts or a permanent refusal; an operator may send it again. */
    FAILED
}
