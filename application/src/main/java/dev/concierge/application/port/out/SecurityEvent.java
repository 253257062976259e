package dev.concierge.application.port.out;

import dev.concierge.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that matters for the platform's security, kept for the operator: who signed in, who failed, who was
 * locked out, what the admin changed. Holds no password, hash or token by construction: there is no field for one.
 *
 * @param tenant  the tenant concerned, when known
 * @param address where the request came from ({@code internal} for the platform's own work)
 * @param detail  a short note of the platform's own wording (never user input), or {@code null}
 */
public record SecurityEvent(Type type, Instant at, TenantId tenant, String address, String detail) {

    public SecurityEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(address, "address");
    }

    public Optional<TenantId> tenantId() {
        return Optional.ofNullable(tenant);
    }

    /** The kinds of event. */
    public enum Type {
        SIGN_UP,
        SIGN_UP_WITH_TAKEN_ADDRESS,
        ADDRESS_VERIFIED,
        LOGIN_SUCCEEDED,
        LOGIN_FAILED,
        LOGIN_REFUSED,
        LOCKOUT,
        RATE_LIMITED,
        PASSWORD_CHANGED,
        PASSWORD_CHANGE_FAILED,
        PASSWORD_RESET_REQUESTED,
        PASSWORD_RESET_LIMITED,
        PASSWORD_RESET,
        SESSIONS_REVOKED,
        SETTINGS_CHANGED,
        TENANT_CONFIRMED,
        TENANT_SUSPENDED,
        TENANT_REACTIVATED,
        MAIL_RETRIED
    }
}
