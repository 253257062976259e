package dev.concierge.domain.booking;

import dev.concierge.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A visitor's booking of one slot of a tenant. It holds its slot while {@linkplain BookingStatus#holdsSlot() active};
 * the store makes two active bookings of one tenant at overlapping times impossible. Every change raises the
 * {@code sequence}, which calendar updates carry, so that a calendar replaces the older version of the event.
 *
 * @param idempotencyKey the key the booking request came with, or {@code null}
 * @param requestHash    a hash of the request's content, kept with the key, to tell a retry from another request
 *                       under the same key; {@code null} without a key
 */
public record Booking(BookingId id, TenantId tenantId, Instant start, Instant end, Visitor visitor,
        BookingStatus status, int sequence, Instant createdAt, Instant updatedAt, String idempotencyKey,
        String requestHash) {

    public static final int MAX_IDEMPOTENCY_KEY_LENGTH = 100;

    public Booking {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(visitor, "visitor");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        if (!end.isAfter(start)) {
            throw new IllegalArgumentException("a booking ends after it starts");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("a booking's sequence starts at 0");
        }
        if ((idempotencyKey == null) != (requestHash == null)) {
            throw new IllegalArgumentException("an idempotency key comes with the hash of its request");
        }
    }

    /** A new booking of {@code slot}, requested at {@code now}. */
    public static Booking request(BookingId id, TenantId tenantId, Slot slot, Visitor visitor, Instant now,
            String idempotencyKey, String requestHash) {
        return new Booking(id, tenantId, slot.start(), slot.end(), visitor, BookingStatus.REQUESTED, 0, now, now,
                idempotencyKey, requestHash);
    }

    /**
     * The owner confirms. Confirming a confirmed booking changes nothing.
     *
     * @throws BookingStatusConflictException when it was cancelled
     */
    public Booking confirm(Instant now) {
        return switch (status) {
            case CONFIRMED -> this;
            case CANCELLED -> throw new BookingStatusConflictException(status, "confirmed");
            case REQUESTED -> changed(BookingStatus.CONFIRMED, now);
        };
    }

    /** The owner or the visitor cancels; the slot is free again. Cancelling a cancelled booking changes nothing. */
    public Booking cancel(Instant now) {
        return status == BookingStatus.CANCELLED ? this : changed(BookingStatus.CANCELLED, now);
    }

    private Booking changed(BookingStatus next, Instant now) {
        return new Booking(id, tenantId, start, end, visitor, next, sequence + 1, createdAt, now, idempotencyKey,
                requestHash);
    }
}
