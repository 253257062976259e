package dev.concierge.application.port.in;

import dev.concierge.domain.booking.Booking;
import reactor.core.publisher.Mono;

/**
 * A visitor books a free slot from the widget. The booking is REQUESTED until the owner confirms it; owner and
 * visitor are mailed, with calendar invitations, in the same transaction.
 */
public interface BookSlotUseCase {

    int MAX_IDEMPOTENCY_KEY_LENGTH = 100;

    /**
     * @param idempotencyKey {@code null}, or a key that makes retries safe: the same key with the same form answers
     *                       with the first booking and stores nothing new
     * @return the booking and whether it is a replay; errors with
     *         {@link dev.concierge.domain.shared.ValidationException} for invalid fields, a start that is no
     *         occurrence of the availability or lies too soon or in the past; with
     *         {@link dev.concierge.domain.booking.SlotTakenException} when the slot is taken; with
     *         {@link dev.concierge.domain.booking.IdempotencyKeyReusedException} when the key came with another form;
     *         with {@link dev.concierge.domain.booking.BookingNotFoundException} when appointments are off
     */
    Mono<Booked> book(PublishedWidget widget, BookingForm form, String idempotencyKey);

    /** A booking, and whether it was made by an earlier request with the same idempotency key. */
    record Booked(Booking booking, boolean replayed) {
    }
}
