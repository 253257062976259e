package dev.concierge.domain.account;

/**
 * What a signed-in person may do.
 */
public enum Role {
    /** Manages one tenant: its settings, availability and bookings. */
    OWNER,
    /** Runs the platform: confirms, suspends and reactivates tenants. */
    ADMIN
}
