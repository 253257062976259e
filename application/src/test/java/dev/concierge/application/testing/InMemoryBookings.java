package dev.concierge.application.testing;

import dev.concierge.application.port.out.BookingChangedConcurrentlyException;
import dev.concierge.application.port.out.Bookings;
import dev.concierge.application.port.out.IdempotencyKeyTakenException;
import dev.concierge.domain.booking.Booking;
import dev.concierge.domain.booking.BookingId;
import dev.concierge.domain.booking.BookingNotFoundException;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.booking.SlotTakenException;
import dev.concierge.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Bookings in memory. The checks a database makes with its constraints (no two active bookings of a tenant overlap,
 * an idempotency key once per tenant) are made here under the store's lock, together with the write, so of
 * concurrent writes that would break them exactly one succeeds, for overlaps of any kind. A taken key is reported
 * before a taken slot, as a retry of the first request would meet both. Every write records its undo step, so it
 * takes part in the transactions of {@link InMemoryTransactions}. Those isolate nothing: a cancellation is seen
 * before it commits, and undoing it restores the booking even if another one took its time meanwhile, where a
 * database would have made the other booking wait for the outcome. For tests and for embedding the core without
 * storage; shared by nothing but this process.
 */
public final class InMemoryBookings implements Bookings {

    /** UUIDs in the order PostgreSQL and H2 sort them: as unsigned bytes, which {@link UUID#compareTo} is not. */
    private static final Comparator<UUID> UUID_ORDER = Comparator
            .comparing(UUID::getMostSignificantBits, Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);
    private static final Comparator<Booking> BY_START = Comparator.comparing(Booking::start)
            .thenComparing(booking -> booking.id().value(), UUID_ORDER);
    private static final int MAX_PAGE_SIZE = 1_000;

    private final Map<BookingId, Booking> byId = new HashMap<>();

    @Override
    public Mono<Booking> add(Booking booking) {
        Objects.requireNonNull(booking, "booking");
        return Mono.deferContextual(context -> Mono.fromCallable(() -> {
            synchronized (byId) {
                if (byId.containsKey(booking.id())) {
                    throw new IllegalStateException("a booking with id " + booking.id() + " exists already");
                }
                if (booking.idempotencyKey() != null && ofTenant(booking.tenantId())
                        .anyMatch(other -> booking.idempotencyKey().equals(other.idempotencyKey()))) {
                    throw new IdempotencyKeyTakenException(booking.idempotencyKey());
                }
                requireSlotFree(booking);
                byId.put(booking.id(), booking);
            }
            recordUndo(context, booking.id(), null);
            return booking;
        }));
    }

    @Override
    public Mono<Booking> update(Booking booking) {
        Objects.requireNonNull(booking, "booking");
        return Mono.deferContextual(context -> Mono.fromCallable(() -> {
            Booking before;
            Booking stored;
            synchronized (byId) {
                before = byId.get(booking.id());
                if (before == null || !before.tenantId().equals(booking.tenantId())) {
                    throw new BookingNotFoundException("with id " + booking.id());
                }
                if (before.sequence() != booking.sequence() - 1) {
                    throw new BookingChangedConcurrentlyException(booking.id());
                }
                stored = new Booking(before.id(), before.tenantId(), before.start(), before.end(), before.visitor(),
                        booking.status(), booking.sequence(), before.createdAt(), booking.updatedAt(),
                        before.idempotencyKey(), before.requestHash());
                requireSlotFree(stored);
                byId.put(stored.id(), stored);
            }
            recordUndo(context, booking.id(), before);
            return stored;
        }));
    }

    @Override
    public Mono<Booking> findById(TenantId tenantId, BookingId id) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        return Mono.fromSupplier(() -> {
            synchronized (byId) {
                Booking booking = byId.get(id);
                return booking == null || !booking.tenantId().equals(tenantId) ? null : booking;
            }
        });
    }

    @Override
    public Mono<Booking> findByIdempotencyKey(TenantId tenantId, String idempotencyKey) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return Mono.fromSupplier(() -> {
            synchronized (byId) {
                return ofTenant(tenantId).filter(booking -> idempotencyKey.equals(booking.idempotencyKey()))
                        .findFirst().orElse(null);
            }
        });
    }

    @Override
    public Flux<Booking> activeBetween(TenantId tenantId, Instant from, Instant to) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return Flux.defer(() -> {
            List<Booking> active;
            synchronized (byId) {
                active = ofTenant(tenantId).filter(booking -> booking.status().holdsSlot()
                        && overlap(booking, from, to)).sorted(BY_START).toList();
            }
            return Flux.fromIterable(active);
        });
    }

    @Override
    public Flux<Booking> list(TenantId tenantId, Instant from, Instant to, BookingStatus status, long offset,
            int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            return Flux.error(new IllegalArgumentException("offset must be at least 0 and limit 1 to " + MAX_PAGE_SIZE
                    + ", were " + offset + " and " + limit));
        }
        return Flux.defer(() -> {
            List<Booking> page;
            synchronized (byId) {
                page = matching(tenantId, from, to, status).sorted(BY_START).skip(offset).limit(limit).toList();
            }
            return Flux.fromIterable(page);
        });
    }

    @Override
    public Mono<Long> count(TenantId tenantId, Instant from, Instant to, BookingStatus status) {
        return Mono.fromSupplier(() -> {
            synchronized (byId) {
                return matching(tenantId, from, to, status).count();
            }
        });
    }

    /** Refuses an active {@code booking} that overlaps another active booking of its tenant; call under the lock. */
    private void requireSlotFree(Booking booking) {
        if (booking.status().holdsSlot() && ofTenant(booking.tenantId()).anyMatch(other -> other.status().holdsSlot()
                && !other.id().equals(booking.id()) && overlap(other, booking.start(), booking.end()))) {
            throw new SlotTakenException();
        }
    }

    private Stream<Booking> matching(TenantId tenantId, Instant from, Instant to, BookingStatus status) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        return ofTenant(tenantId).filter(booking -> !booking.start().isBefore(from) && booking.start().isBefore(to)
                && (status == null || booking.status() == status));
    }

    private Stream<Booking> ofTenant(TenantId tenantId) {
        return byId.values().stream().filter(booking -> booking.tenantId().equals(tenantId));
    }

    /** Whether {@code booking} shares any moment with {@code [from, to)}. */
    private static boolean overlap(Booking booking, Instant from, Instant to) {
        return booking.start().isBefore(to) && from.isBefore(booking.end());
    }

    /** Records how to put the booking back as it was ({@code null}: not there) when the transaction rolls back. */
    private void recordUndo(ContextView context, BookingId id, Booking before) {
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
