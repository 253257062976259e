package dev.concierge.domain.tenant;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The account that manages a tenant: its login e-mail, its password hash, the instant from which its sessions are
 * valid, and whether the owner proved that the e-mail address is theirs. A session issued before
 * {@code sessionsValidFrom} is refused; changing or resetting the password, or signing out everywhere, moves that
 * instant to now.
 *
 * @param sessionsValidFrom a whole second ({@link Instant#EPOCH} when no session was ever revoked); sessions carry
 *                          their issue time in whole seconds, so this is the first whole second after the revocation
 * @param emailVerified     whether the owner followed a verification link mailed to {@code email}
 */
public record Owner(EmailAddress email, PasswordHash passwordHash, Instant sessionsValidFrom, boolean emailVerified) {

    public Owner {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(sessionsValidFrom, "sessionsValidFrom");
        if (sessionsValidFrom.getNano() != 0) {
            throw new IllegalArgumentException("sessions are valid from a whole second, not " + sessionsValidFrom);
        }
    }

    /** A new account: its address not verified yet, no session of it ever revoked. */
    public Owner(EmailAddress email, PasswordHash passwordHash) {
        this(email, passwordHash, Instant.EPOCH, false);
    }

    /** The owner chose a new password: every session issued until now stops working. */
    public Owner withPassword(PasswordHash newHash, Instant now) {
        return new Owner(email, newHash, firstWholeSecondAfter(now), emailVerified);
    }

    /** The owner signs out everywhere: every session issued until now stops working. */
    public Owner revokeSessions(Instant now) {
        return new Owner(email, passwordHash, firstWholeSecondAfter(now), emailVerified);
    }

    /** The owner followed a link mailed to their address, so the address is theirs. */
    public Owner verifyEmail() {
        return new Owner(email, passwordHash, sessionsValidFrom, true);
    }

    /** Whether a session issued at {@code issuedAt} (a whole second) was issued after the last revocation. */
    public boolean acceptsSessionIssuedAt(Instant issuedAt) {
        return !issuedAt.isBefore(sessionsValidFrom);
    }

    /**
     * The issue time for a new session at {@code now}: now in whole seconds, or the first valid second when a
     * revocation happened within the current second (the session then starts a fraction of a second ahead).
     */
    public Instant sessionIssueTime(Instant now) {
        Instant second = now.truncatedTo(ChronoUnit.SECONDS);
        return second.isBefore(sessionsValidFrom) ? sessionsValidFrom : second;
    }

    private static Instant firstWholeSecondAfter(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
    }
}
