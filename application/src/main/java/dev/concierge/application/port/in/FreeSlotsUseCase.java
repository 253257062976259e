package dev.concierge.application.port.in;

import dev.concierge.domain.booking.Slot;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import reactor.core.publisher.Mono;

/** The widget shows a tenant's free slots. */
public interface FreeSlotsUseCase {

    /**
     * The occurrences of the tenant's availability that start in the window, no sooner than the lead time from now,
     * and that no active booking overlaps; earliest first, each start once.
     *
     * @param from the window's start, or {@code null} for now
     * @param to   the window's end, or {@code null} for the default window after {@code from}
     * @return errors with {@link dev.concierge.domain.booking.BookingNotFoundException} when appointments are off
     *         (answered like an unknown route), with {@link dev.concierge.domain.shared.ValidationException} naming
     *         {@code from} or {@code to} when the window is reversed or longer than the maximum
     */
    Mono<FreeSlots> freeSlots(PublishedWidget widget, Instant from, Instant to);

    /** Free slots, and the zone their local times are in. */
    record FreeSlots(ZoneId timeZone, List<Slot> slots) {
        public FreeSlots {
            slots = List.copyOf(slots);
        }
    }
}
