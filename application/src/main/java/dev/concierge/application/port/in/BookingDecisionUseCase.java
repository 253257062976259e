package dev.concierge.application.port.in;

import dev.concierge.domain.booking.Booking;
import dev.concierge.domain.booking.BookingId;
import dev.concierge.domain.booking.BookingStatus;
import java.time.Instant;
import reactor.core.publisher.Mono;

/**
 * Confirming and cancelling bookings, by the signed-in owner or through the links in the booking mails, and the
 * owner's list of bookings. A link's token is good for its one action on its one booking; following a link (GET)
 * only shows what it would do, so that mail scanners change nothing.
 */
public interface BookingDecisionUseCase {

    int MAX_PAGE_SIZE = 100;

    /** @return the confirmed booking; errors with BookingNotFoundException or BookingStatusConflictException */
    Mono<Booking> confirm(Caller.OwnerCaller owner, BookingId id);

    /** @return the cancelled booking; errors with BookingNotFoundException */
    Mono<Booking> cancel(Caller.OwnerCaller owner, BookingId id);

    /**
     * What the link would do, without doing it.
     *
     * @return errors with {@link dev.concierge.domain.token.TokenNotValidException} when the token does not belong to
     *         this action on this booking, or is used or expired
     */
    Mono<LinkedBooking> preview(BookingId id, BookingAction action, String token);

    /** Does what the link says and uses its token up; errors as {@link #preview}, or with a status conflict. */
    Mono<LinkedBooking> perform(BookingId id, BookingAction action, String token);

    /**
     * A booking as a link shows it: with the business's name, time zone and language, and what the link does (for a
     * cancel link, whether it is the visitor's).
     */
    record LinkedBooking(Booking booking, String businessName, java.time.ZoneId timeZone,
            dev.concierge.domain.tenant.Language language, BookingAction action) {
    }

    /**
     * @param status only this status, or {@code null} for all
     * @return errors with {@link dev.concierge.domain.shared.ValidationException} for a bad range or page
     */
    Mono<BookingPage> list(Caller.OwnerCaller owner, Instant from, Instant to, BookingStatus status, int page, int size);
}
