package dev.concierge.application.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.application.port.out.SessionClaims;
import dev.concierge.application.port.out.SessionTokens;
import dev.concierge.domain.account.Role;
import dev.concierge.domain.account.SessionRejectedException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What every implementation of {@link SessionTokens} must do. Subclasses provide two implementations that do not
 * trust each other (different secrets).
 */
public abstract class SessionTokensContractTest {

    private static final Instant ISSUED = Instant.parse("2026-11-27T10:00:00Z");
    private static final SessionClaims OWNER = new SessionClaims("6f1c1f0e-5d7a-4b8e-9a7c-2f9d7a1b3c4d", Role.OWNER,
            ISSUED, ISSUED.plusSeconds(3600), "token-1");

    protected abstract SessionTokens tokens();

    /** Another implementation, with a secret of its own. */
    protected abstract SessionTokens tokensWithAnotherSecret();

    @Test
    void anIssuedTokenVerifiesToExactlyItsClaims() {
        SessionTokens tokens = tokens();
        SessionClaims admin = new SessionClaims("admin@platform.example", Role.ADMIN, ISSUED, ISSUED.plusSeconds(60),
                "token-2");

        assertThat(tokens.verify(tokens.issue(OWNER), ISSUED)).isEqualTo(OWNER);
        assertThat(tokens.verify(tokens.issue(admin), ISSUED.plusSeconds(59))).isEqualTo(admin);
    }

    @Test
    void differentClaimsGiveDifferentTokens() {
        SessionTokens tokens = tokens();
        SessionClaims other = new SessionClaims(OWNER.subject(), Role.OWNER, ISSUED, OWNER.expiresAt(), "token-3");

        assertThat(tokens.issue(OWNER)).isNotEqualTo(tokens.issue(other));
    }

    @Test
    void anExpiredTokenIsRejectedOnceTheClockSkewHasPassed() {
        SessionTokens tokens = tokens();
        String token = tokens.issue(OWNER);
        Instant expiry = OWNER.expiresAt();

        assertThat(tokens.verify(token, expiry.plus(SessionTokens.CLOCK_SKEW).minusSeconds(1))).isEqualTo(OWNER);
        assertThatThrownBy(() -> tokens.verify(token, expiry.plus(SessionTokens.CLOCK_SKEW).plusSeconds(1)))
                .isInstanceOf(SessionRejectedException.class);
    }

    @Test
    void anAlteredTokenIsRejected() {
        SessionTokens tokens = tokens();
        String token = tokens.issue(OWNER);
        char last = token.charAt(token.length() - 1);
        String altered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> tokens.verify(altered, ISSUED)).isInstanceOf(SessionRejectedException.class);
        assertThatThrownBy(() -> tokens.verify(token + "A", ISSUED)).isInstanceOf(SessionRejectedException.class);
        assertThatThrownBy(() -> tokens.verify(token.substring(1), ISSUED)).isInstanceOf(SessionRejectedException.class);
    }

    @Test
    void aTokenOfAnotherSecretIsRejected() {
        String foreign = tokensWithAnotherSecret().issue(OWNER);

        assertThatThrownBy(() -> tokens().verify(foreign, ISSUED)).isInstanceOf(SessionRejectedException.class);
    }

    @Test
    void garbageIsRejected() {
        SessionTokens tokens = tokens();

        for (String garbage : new String[] {"", " ", "abc", "a.b.c", "...", "\u0000", "x".repeat(10_000)}) {
            assertThatThrownBy(() -> tokens.verify(garbage, ISSUED)).as(garbage)
                    .isInstanceOf(SessionRejectedException.class);
        }
    }

    @Test
    void aTokenContainsNoSecretOfTheImplementation() {
        SessionTokens tokens = tokens();
        String token = tokens.issue(OWNER);

        assertThat(token).doesNotContain(secret());
    }

    /** The secret this implementation signs with, as configured, to check that tokens do not carry it. */
    protected abstract String secret();
}
