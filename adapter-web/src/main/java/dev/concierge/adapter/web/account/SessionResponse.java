package dev.concierge.adapter.web.account;

import dev.concierge.application.port.in.SignedIn;
import dev.concierge.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;

/**
 * A new session as the client receives it: the bearer token for the {@code Authorization} header, when it expires,
 * and whom it belongs to.
 *
 * @param expiresIn seconds until {@code expiresAt}, for clients whose clock is off
 * @param tenantId  the owner's tenant; {@code null} for the admin
 */
public record SessionResponse(String token, String tokenType, Instant expiresAt, long expiresIn, String role,
        String tenantId) {

    static SessionResponse fromDomain(SignedIn session, Instant now) {
        return new SessionResponse(session.token(), "Bearer", session.expiresAt(),
                Math.max(0, Duration.between(now, session.expiresAt()).toSeconds()), session.role().name(),
                session.tenantId().map(TenantId::toString).orElse(null));
    }

    @Override
    public String toString() {
        return "SessionResponse[" + role + ", " + tenantId + ", until " + expiresAt + "]";
    }
}
