package dev.concierge.application.port.out;

import dev.concierge.domain.account.SessionRejectedException;
import java.time.Duration;
import java.time.Instant;

/**
 * Turns session claims into a token a client carries, and back. Only a token this implementation issued, with the
 * same secret, is ever accepted. Both operations are pure computation (no I/O), so they are plain calls.
 */
public interface SessionTokens {

    /**
     * How far a token's expiry may lie in the past and still be accepted, for clocks of several instances that
     * disagree a little.
     */
    Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /**
     * @return a token that {@link #verify} turns back into exactly these claims until they expire; different for
     *         different claims, and never containing a secret of this implementation
     */
    String issue(SessionClaims claims);

    /**
     * Accepts a token issued by {@link #issue} whose expiry, allowing {@link #CLOCK_SKEW}, is not yet past at
     * {@code now}.
     *
     * @return the claims it was issued with
     * @throws SessionRejectedException for anything else: malformed, altered, signed with another secret or another
     *         algorithm, expired, or issued for another issuer or audience
     */
    SessionClaims verify(String token, Instant now);
}
