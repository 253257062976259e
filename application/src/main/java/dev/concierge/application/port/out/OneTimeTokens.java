package dev.concierge.application.port.out;

import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.token.OneTimeToken;
import dev.concierge.domain.token.TokenHash;
import dev.concierge.domain.token.TokenPurpose;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Where one-time tokens are kept, by the hash of their secret (the secret itself never reaches the store), shared by
 * every instance. Each write is all or nothing, also inside a surrounding {@link Transactions transaction}, where it
 * commits or rolls back with the rest.
 *
 * <p>A token is <em>valid</em> at an instant when it is stored, not consumed, and that instant is before its
 * {@linkplain OneTimeToken#expiresAt() expiry}. A token is found only under its own purpose.
 */
public interface OneTimeTokens {

    /**
     * Stores a new token.
     *
     * @return completes when stored; errors with {@link IllegalStateException}, storing nothing, when a token with
     *         the same hash is stored already
     */
    Mono<Void> add(OneTimeToken token);

    /** @return the token with this hash and purpose if it is valid at {@code now}; empty otherwise */
    Mono<OneTimeToken> find(TokenPurpose purpose, TokenHash hash, Instant now);

    /**
     * Uses the token up: removes it and returns it, if it is valid at {@code now}. Atomic across instances: of
     * concurrent calls for one token exactly one returns it, the others are empty; inside a transaction that rolls
     * back, the token stays valid.
     *
     * @return the token as it was stored; empty if it is unknown, of another purpose, expired or already used
     */
    Mono<OneTimeToken> consume(TokenPurpose purpose, TokenHash hash, Instant now);

    /**
     * Removes every token of {@code purpose} about {@code subject} of the tenant, expired or not.
     *
     * @return how many were removed
     */
    Mono<Long> deleteAll(TokenPurpose purpose, TenantId tenantId, String subject);

    /**
     * Deletes the tokens that expired at or before {@code now}, to keep storage small; they are invalid anyway.
     *
     * @return how many were deleted
     */
    Mono<Long> purgeExpired(Instant now);
}
