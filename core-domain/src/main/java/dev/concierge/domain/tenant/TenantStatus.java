package dev.concierge.domain.tenant;

/**
 * Where a tenant stands with the platform. Only an {@link #ACTIVE} tenant's widget is served to visitors.
 */
public enum TenantStatus {
    /** Signed up, waiting for the platform admin to confirm. */
    PENDING,
    /** Confirmed: the widget answers visitors. */
    ACTIVE,
    /** Switched off by the platform admin. */
    SUSPENDED
}
