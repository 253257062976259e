package dev.concierge.application.port.in;

import dev.concierge.domain.account.Role;
import dev.concierge.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A new session: the token to send as a bearer with every request, until it expires.
 *
 * @param tenant the owner's tenant; {@code null} for the admin
 */
public record SignedIn(String token, Instant expiresAt, Role role, TenantId tenant) {

    public SignedIn {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(role, "role");
        if ((role == Role.OWNER) != (tenant != null)) {
            throw new IllegalArgumentException("an owner's session, and only an owner's, names a tenant");
        }
    }

    public Optional<TenantId> tenantId() {
        return Optional.ofNullable(tenant);
    }

    @Override
    public String toString() {
        return "SignedIn[" + role + ", " + tenant + ", until " + expiresAt + "]";
    }
}
