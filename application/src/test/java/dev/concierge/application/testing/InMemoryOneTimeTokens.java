package dev.concierge.application.testing;

import dev.concierge.application.port.out.OneTimeTokens;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.token.OneTimeToken;
import dev.concierge.domain.token.TokenHash;
import dev.concierge.domain.token.TokenPurpose;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import reactor.core.publisher.Mono;

/**
 * One-time tokens in memory, by hash. Every write records its undo step, so it takes part in the transactions of
 * {@link InMemoryTransactions}; a consume holds the store's lock, so of concurrent consumes exactly one wins. For tests
 * and for embedding the core without storage; shared by nothing but this process.
 */
public final class InMemoryOneTimeTokens implements OneTimeTokens {

    private final Map<TokenHash, OneTimeToken> byHash = new HashMap<>();

    @Override
    public Mono<Void> add(OneTimeToken token) {
        Objects.requireNonNull(token, "token");
        return Mono.deferContextual(context -> Mono.fromRunnable(() -> {
            synchronized (byHash) {
                if (byHash.containsKey(token.hash())) {
                    throw new IllegalStateException("a token with this hash is stored already");
                }
                byHash.put(token.hash(), token);
            }
            InMemoryTransactions.recordUndo(context, () -> restore(List.of(), List.of(token)));
        }));
    }

    @Override
    public Mono<OneTimeToken> find(TokenPurpose purpose, TokenHash hash, Instant now) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(now, "now");
        return Mono.fromSupplier(() -> {
            synchronized (byHash) {
                OneTimeToken token = byHash.get(hash);
                return isValid(token, purpose, now) ? token : null;
            }
        });
    }

    @Override
    public Mono<OneTimeToken> consume(TokenPurpose purpose, TokenHash hash, Instant now) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(now, "now");
        return Mono.deferContextual(context -> Mono.fromSupplier(() -> {
            OneTimeToken token;
            synchronized (byHash) {
                token = byHash.get(hash);
                if (!isValid(token, purpose, now)) {
                    return null;
                }
                byHash.remove(hash);
            }
            InMemoryTransactions.recordUndo(context, () -> restore(List.of(token), List.of()));
            return token;
        }));
    }

    @Override
    public Mono<Long> deleteAll(TokenPurpose purpose, TenantId tenantId, String subject) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(subject, "subject");
        return removeWhere(token -> token.purpose() == purpose && token.tenantId().equals(tenantId)
                && token.subject().equals(subject));
    }

    @Override
    public Mono<Long> purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return removeWhere(token -> !token.isValidAt(now));
    }

    private Mono<Long> removeWhere(Predicate<OneTimeToken> condition) {
        return Mono.deferContextual(context -> Mono.fromSupplier(() -> {
            List<OneTimeToken> removed;
            synchronized (byHash) {
                removed = byHash.values().stream().filter(condition).toList();
                removed.forEach(token -> byHash.remove(token.hash()));
            }
            if (!removed.isEmpty()) {
                InMemoryTransactions.recordUndo(context, () -> restore(removed, List.of()));
            }
            return (long) removed.size();
        }));
    }

    private static boolean isValid(OneTimeToken token, TokenPurpose purpose, Instant now) {
        return token != null && token.purpose() == purpose && token.isValidAt(now);
    }

    /** Undoes writes: puts {@code removed} back and takes {@code added} out. */
    private void restore(List<OneTimeToken> removed, List<OneTimeToken> added) {
        synchronized (byHash) {
            added.forEach(token -> byHash.remove(token.hash()));
            removed.forEach(token -> byHash.putIfAbsent(token.hash(), token));
        }
    }
}
