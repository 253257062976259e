package dev.concierge.application.testing;

import dev.concierge.application.port.out.ClaimedMail;
import dev.concierge.application.port.out.MailOutbox;
import dev.concierge.application.port.out.MailStatus;
import dev.concierge.application.port.out.OutboxEntry;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * The mail outbox in memory. Every write records its undo step, so a mail is queued only if the surrounding
 * transaction of {@link InMemoryTransactions} commits; a claim holds the store's lock, so concurrent claims never
 * return the same mail. For tests and for embedding the core without storage: the queue is lost with the process.
 */
public final class InMemoryMailOutbox implements MailOutbox {

    /** UUIDs in the order PostgreSQL and H2 sort them: as unsigned bytes, which {@link UUID#compareTo} is not. */
    private static final Comparator<UUID> UUID_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private static final Comparator<Stored> NEWEST_FIRST = Comparator.comparing(Stored::createdAt).reversed()
            .thenComparing(Stored::id, UUID_ORDER);
    private static final Comparator<Stored> EARLIEST_DUE_FIRST = Comparator.comparing(Stored::nextAttemptAt)
            .thenComparing(Stored::id, UUID_ORDER);
    private static final int MAX_CLAIM = 100;
    private static final int MAX_PAGE_SIZE = 1_000;

    /** A queued mail as on record, and the mail itself while it may still be sent ({@code null} once it was). */
    private record Stored(OutboxEntry entry, OutgoingMail mail) {

        UUID id() {
            return entry.id();
        }

        Instant createdAt() {
            return entry.createdAt();
        }

        Instant nextAttemptAt() {
            return entry.nextAttemptAt();
        }

        boolean isDueAt(Instant now) {
            return entry.status() == MailStatus.PENDING && !entry.nextAttemptAt().isAfter(now);
        }

        Stored with(MailStatus status, int attempts, Instant nextAttemptAt, Instant sentAt, String lastError) {
            OutboxEntry changed = new OutboxEntry(entry.id(), entry.messageId(), entry.tenantId(), entry.to(),
                    entry.subject(), status, attempts, entry.createdAt(), nextAttemptAt, sentAt, lastError);
            return new Stored(changed, status == MailStatus.SENT ? null : mail);
        }
    }

    private final Map<UUID, Stored> byId = new HashMap<>();

    @Override
    public Mono<Void> enqueue(OutgoingMail mail) {
        Objects.requireNonNull(mail, "mail");
        return Mono.deferContextual(context -> Mono.fromRunnable(() -> {
            synchronized (byId) {
                if (byId.containsKey(mail.id())
                        || byId.values().stream().anyMatch(s -> s.entry().messageId().equals(mail.messageId()))) {
                    throw new IllegalStateException("a mail with this id or Message-ID is queued already");
                }
                byId.put(mail.id(), new Stored(new OutboxEntry(mail.id(), mail.messageId(), mail.tenantId(), mail.to(),
                        mail.content().subject(), MailStatus.PENDING, 0, mail.createdAt(), mail.createdAt(), null,
                        null), mail));
            }
            recordUndo(context, mail.id(), null);
        }));
    }

    @Override
    public Flux<ClaimedMail> claimDue(Instant now, Duration lease, int limit) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        if (limit < 1 || limit > MAX_CLAIM || lease.isNegative() || lease.isZero()) {
            return Flux.error(new IllegalArgumentException(
                    "a claim takes 1 to " + MAX_CLAIM + " mails for a positive lease, not " + limit + " for " + lease));
        }
        return Flux.deferContextual(context -> {
            List<Stored> claimed = new ArrayList<>();
            synchronized (byId) {
                List<Stored> due = byId.values().stream().filter(s -> s.isDueAt(now)).sorted(EARLIEST_DUE_FIRST)
                        .limit(limit).toList();
                for (Stored before : due) {
                    OutboxEntry entry = before.entry();
                    Stored after = before.with(MailStatus.PENDING, entry.attempts() + 1, now.plus(lease), null,
                            entry.lastError());
                    byId.put(before.id(), after);
                    claimed.add(after);
                    recordUndo(context, before.id(), before);
                }
            }
            return Flux.fromIterable(claimed).map(s -> new ClaimedMail(s.mail(), s.entry().attempts()));
        });
    }

    @Override
    public Mono<Void> markSent(UUID id, Instant now) {
        Objects.requireNonNull(now, "now");
        return changePending(id, s -> s.with(MailStatus.SENT, s.entry().attempts(), s.nextAttemptAt(), now, null));
    }

    @Override
    public Mono<Void> retryLater(UUID id, Instant nextAttempt, String error) {
        Objects.requireNonNull(nextAttempt, "nextAttempt");
        String cut = cut(error);
        return changePending(id, s -> s.with(MailStatus.PENDING, s.entry().attempts(), nextAttempt, null, cut));
    }

    @Override
    public Mono<Void> markFailed(UUID id, String error) {
        String cut = cut(error);
        return changePending(id,
                s -> s.with(MailStatus.FAILED, s.entry().attempts(), s.nextAttemptAt(), null, cut));
    }

    @Override
    public Mono<Boolean> retry(UUID id, Instant now) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(now, "now");
        return change(id, MailStatus.FAILED,
                s -> s.with(MailStatus.PENDING, 0, now, null, s.entry().lastError()));
    }

    @Override
    public Mono<OutboxEntry> findById(UUID id) {
        Objects.requireNonNull(id, "id");
        return Mono.fromSupplier(() -> {
            synchronized (byId) {
                Stored stored = byId.get(id);
                return stored == null ? null : stored.entry();
            }
        });
    }

    @Override
    public Flux<OutboxEntry> list(TenantId tenantId, MailStatus status, long offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            return Flux.error(new IllegalArgumentException("offset must be at least 0 and limit 1 to " + MAX_PAGE_SIZE
                    + ", were " + offset + " and " + limit));
        }
        return Flux.defer(() -> {
            List<OutboxEntry> page;
            synchronized (byId) {
                page = matching(tenantId, status).sorted(NEWEST_FIRST).skip(offset).limit(limit)
                        .map(Stored::entry).toList();
            }
            return Flux.fromIterable(page);
        });
    }

    @Override
    public Mono<Long> count(TenantId tenantId, MailStatus status) {
        return Mono.fromSupplier(() -> {
            synchronized (byId) {
                return matching(tenantId, status).count();
            }
        });
    }

    @Override
    public Mono<Long> purgeSent(Instant before) {
        Objects.requireNonNull(before, "before");
        return Mono.deferContextual(context -> Mono.fromSupplier(() -> {
            List<Stored> purged;
            synchronized (byId) {
                purged = byId.values().stream().filter(s -> s.entry().sentAt() != null && s.entry().sentAt().isBefore(before))
                        .toList();
                purged.forEach(s -> byId.remove(s.id()));
            }
            purged.forEach(s -> recordUndo(context, s.id(), s));
            return (long) purged.size();
        }));
    }

    /** The error as recorded: at most {@link #MAX_ERROR_LENGTH} characters, never half a surrogate pair. */
    private static String cut(String error) {
        Objects.requireNonNull(error, "error");
        if (error.length() <= MAX_ERROR_LENGTH) {
            return error;
        }
        int end = Character.isHighSurrogate(error.charAt(MAX_ERROR_LENGTH - 1)) ? MAX_ERROR_LENGTH - 1
                : MAX_ERROR_LENGTH;
        return error.substring(0, end);
    }

    private Stream<Stored> matching(TenantId tenantId, MailStatus status) {
        return byId.values().stream()
                .filter(s -> tenantId == null || tenantId.equals(s.entry().tenantId()))
                .filter(s -> status == null || s.entry().status() == status);
    }

    private Mono<Void> changePending(UUID id, UnaryOperator<Stored> change) {
        Objects.requireNonNull(id, "id");
        return change(id, MailStatus.PENDING, change).then();
    }

    /** Applies {@code change} to the mail if it is in {@code status}; {@code true} if it was. */
    private Mono<Boolean> change(UUID id, MailStatus status, UnaryOperator<Stored> change) {
        return Mono.deferContextual(context -> Mono.fromSupplier(() -> {
            Stored before;
            synchronized (byId) {
                before = byId.get(id);
                if (before == null || before.entry().status() != status) {
                    return false;
                }
                byId.put(id, change.apply(before));
            }
            recordUndo(context, id, before);
            return true;
        }));
    }

    /** Records how to put the mail back as it was ({@code null}: not there) when the transaction rolls back. */
    private void recordUndo(ContextView context, UUID id, Stored before) {
        InMemoryTransactions.recordUndo(context, () -> {
            synchronized (byId) {
                if (before == null) {
                    byId.remove(id);
                } else {
                    byId.put(id, before);
                }
            }
        });
    }
}
