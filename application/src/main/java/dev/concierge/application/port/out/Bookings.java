package dev.concierge.application.port.out;

import dev.concierge.domain.booking.Booking;
import dev.concierge.domain.booking.BookingId;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.tenant.TenantId;
import java.time.Instant;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Where bookings are kept. The store itself guarantees that no two bookings of one tenant that
 * {@linkplain BookingStatus#holdsSlot() hold their slot} overlap in time, on every instance, by a constraint in the
 * database and not by a check before writing: of any number of concurrent writes that would break it, the first to
 * commit wins and the others fail with {@link dev.concierge.domain.booking.SlotTakenException}. (On H2, the
 * embedded single-process database, the guarantee covers bookings that start at the same instant.) Idempotency keys
 * are unique per tenant. Each write is all or nothing, also inside a surrounding {@link Transactions transaction}.
 * Reads are scoped to one tenant.
 */
public interface Bookings {

    /**
     * Stores a new booking.
     *
     * @return the stored booking; errors with {@link dev.concierge.domain.booking.SlotTakenException} when an active
     *         booking of the tenant overlaps it (only when the new one is active), and with
     *         {@link IdempotencyKeyTakenException} when another booking of the tenant has its idempotency key; stores
     *         nothing in both cases
     */
    Mono<Booking> add(Booking booking);

    /**
     * Stores a changed booking (its status, sequence and update time), provided the stored one is at
     * {@code booking.sequence() - 1}.
     *
     * @return the stored booking; errors with {@link dev.concierge.domain.booking.BookingNotFoundException} when
     *         unknown, with {@link BookingChangedConcurrentlyException} when the stored sequence is another, and with
     *         {@link dev.concierge.domain.booking.SlotTakenException} when the change would make it overlap an active
     *         booking; changes nothing in those cases
     */
    Mono<Booking> update(Booking booking);

    /** @return the tenant's booking with this id, or empty */
    Mono<Booking> findById(TenantId tenantId, BookingId id);

    /** @return the tenant's booking made with this idempotency key, or empty */
    Mono<Booking> findByIdempotencyKey(TenantId tenantId, String idempotencyKey);

    /** @return the tenant's active bookings that overlap {@code [from, to)}, by start */
    Flux<Booking> activeBetween(TenantId tenantId, Instant from, Instant to);

    /**
     * One page of the tenant's bookings that start in {@code [from, to)}, by start, then id.
     *
     * @param status only this status, or {@code null} for all
     * @param limit  1 to 1,000
     */
    Flux<Booking> list(TenantId tenantId, Instant from, Instant to, BookingStatus status, long offset, int limit);

    /** @return how many bookings {@link #list} pages through */
    Mono<Long> count(TenantId tenantId, Instant from, Instant to, BookingStatus status);
}
