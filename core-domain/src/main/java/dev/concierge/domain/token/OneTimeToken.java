package dev.concierge.domain.token;

import dev.concierge.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A stored one-time token: the hash of the secret that was mailed, what it is for, whom it concerns, and until when it
 * is valid. The secret itself is never stored.
 *
 * @param tenantId  the tenant the token belongs to
 * @param subject   what in the tenant it is about ({@link #OWNER} for the owner's account), 1 to 100 characters
 * @param expiresAt the first instant at which the token is no longer valid
 */
public record OneTimeToken(TokenHash hash, TokenPurpose purpose, TenantId tenantId, String subject, Instant createdAt,
        Instant expiresAt) {

    /** The subject of a token about the tenant's owner account. */
    public static final String OWNER = "owner";

    public static final int MAX_SUBJECT_LENGTH = 100;

    public OneTimeToken {
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
            throw new IllegalArgumentException("a token subject is 1 to " + MAX_SUBJECT_LENGTH + " characters");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a token expires after it was issued");
        }
    }

    /** A token for {@code secret}, issued at {@code now} and valid for its purpose's lifetime. */
    public static OneTimeToken issue(SecretToken secret, TokenPurpose purpose, TenantId tenantId, String subject,
            Instant now) {
        return new OneTimeToken(secret.hash(), purpose, tenantId, subject, now, now.plus(purpose.lifetime()));
    }

    /** Whether the token may still be used at {@code now}. */
    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
