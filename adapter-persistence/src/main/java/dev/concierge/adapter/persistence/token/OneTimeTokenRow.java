package dev.concierge.adapter.persistence.token;

import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.token.OneTimeToken;
import dev.concierge.domain.token.TokenHash;
import dev.concierge.domain.token.TokenPurpose;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the {@code one_time_token} table, mapped by Spring Data. Instants are held as {@link OffsetDateTime} in
 * UTC, as in the tenant rows.
 */
@Table("one_time_token")
record OneTimeTokenRow(@Id String tokenHash, String purpose, UUID tenantId, String subject, OffsetDateTime createdAt,
        OffsetDateTime expiresAt) {

    static OneTimeTokenRow fromDomain(OneTimeToken token) {
        return new OneTimeTokenRow(token.hash().hex(), token.purpose().name(), token.tenantId().value(),
                token.subject(), utc(token.createdAt()), utc(token.expiresAt()));
    }

    /** The token; a row that no longer passes the domain's checks is a technical fault, not a missing token. */
    OneTimeToken toDomain() {
        try {
            return new OneTimeToken(new TokenHash(tokenHash), TokenPurpose.valueOf(purpose), new TenantId(tenantId),
                    subject, createdAt.toInstant(), expiresAt.toInstant());
        } catch (RuntimeException e) {
            throw new IllegalStateException("a stored one-time token is not valid: " + e.getMessage(), e);
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
