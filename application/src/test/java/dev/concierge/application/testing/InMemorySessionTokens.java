package dev.concierge.application.testing;

import dev.concierge.application.port.out.SessionClaims;
import dev.concierge.application.port.out.SessionTokens;
import dev.concierge.domain.account.SessionRejectedException;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Session tokens that are random references to claims kept in this object: only this instance accepts them. For
 * tests of the use cases, which do not care how a token is signed.
 */
public final class InMemorySessionTokens implements SessionTokens {

    private final Map<String, SessionClaims> issued = new ConcurrentHashMap<>();

    @Override
    public String issue(SessionClaims claims) {
        String token = "session-" + UUID.randomUUID();
        issued.put(token, claims);
        return token;
    }

    @Override
    public SessionClaims verify(String token, Instant now) {
        SessionClaims claims = token == null ? null : issued.get(token);
        if (claims == null || !now.isBefore(claims.expiresAt().plus(CLOCK_SKEW))) {
            throw new SessionRejectedException();
        }
        return claims;
    }
}
