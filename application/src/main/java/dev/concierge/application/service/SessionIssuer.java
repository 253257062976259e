package dev.concierge.application.service;

import dev.concierge.application.port.in.SignedIn;
import dev.concierge.application.port.out.SessionClaims;
import dev.concierge.application.port.out.SessionTokens;
import dev.concierge.domain.account.Role;
import dev.concierge.domain.tenant.Owner;
import dev.concierge.domain.tenant.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * Starts sessions of one hour: for an owner (subject: the tenant id) and for the admin (subject: the admin's
 * e-mail).
 */
final class SessionIssuer {

    static final Duration LIFETIME = Duration.ofHours(1);

    private final SessionTokens tokens;

    SessionIssuer(SessionTokens tokens) {
        this.tokens = tokens;
    }

    /** A session for the tenant's owner, valid even if the owner's sessions were revoked a moment ago. */
    SignedIn owner(Tenant tenant, Instant now) {
        Owner owner = tenant.owner();
        Instant issuedAt = owner.sessionIssueTime(now);
        return new SignedIn(issue(tenant.id().toString(), Role.OWNER, issuedAt), issuedAt.plus(LIFETIME), Role.OWNER,
                tenant.id());
    }

    SignedIn admin(PlatformAdmin admin, Instant now) {
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        return new SignedIn(issue(admin.email().value(), Role.ADMIN, issuedAt), issuedAt.plus(LIFETIME), Role.ADMIN,
                null);
    }

    private String issue(String subject, Role role, Instant issuedAt) {
        return tokens.issue(new SessionClaims(subject, role, issuedAt, issuedAt.plus(LIFETIME),
                UUID.randomUUID().toString()));
    }
}
