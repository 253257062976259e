package dev.concierge.application.service;

import dev.concierge.application.port.in.FreeSlotsUseCase;
import dev.concierge.application.port.in.PublishedWidget;
import dev.concierge.application.port.out.AvailabilityRules;
import dev.concierge.application.port.out.Bookings;
import dev.concierge.domain.booking.AvailabilityRule;
import dev.concierge.domain.booking.Booking;
import dev.concierge.domain.booking.BookingNotFoundException;
import dev.concierge.domain.booking.BookingPolicy;
import dev.concierge.domain.booking.Slot;
import dev.concierge.domain.shared.Violations;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import reactor.core.publisher.Mono;

/**
 * Free slots: every occurrence of the tenant's rules in the window, minus those an active booking overlaps and those
 * too soon to book. Bookings are of occurrences, not of rules, so booking one week's Monday 10:00 leaves the other
 * Mondays free.
 */
public final class FreeSlotsService implements FreeSlotsUseCase {

    private final AvailabilityRules rules;
    private final Bookings bookings;
    private final BookingPolicy policy;
    private final Clock clock;

    public FreeSlotsService(AvailabilityRules rules, Bookings bookings, BookingPolicy policy, Clock clock) {
        this.rules = rules;
        this.bookings = bookings;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Mono<FreeSlots> freeSlots(PublishedWidget widget, Instant from, Instant to) {
        return Mono.defer(() -> {
            requireAppointments(widget);
            Instant now = clock.instant();
            Instant start = from == null ? now : from;
            Instant end = to == null ? start.plus(policy.defaultWindow()) : to;
            Violations violations = new Violations();
            if (!end.isAfter(start)) {
                violations.add("to", "must be after from");
            } else if (end.isAfter(start.plus(policy.maxWindow()))) {
                violations.add("to", "must be at most " + policy.maxWindow().toDays() + " days after from");
            }
            violations.throwIfAny();
            Instant earliest = now.plus(policy.leadTime());
            Instant windowStart = start.isBefore(earliest) ? earliest : start;
            if (!end.isAfter(windowStart)) {
                return Mono.just(new FreeSlots(widget.timeZone(), List.of()));
            }
            return rules.list(widget.tenantId()).collectList()
                    .zipWith(bookings.activeBetween(widget.tenantId(), windowStart, end.plus(AvailabilityRule.MAX_DURATION))
                            .collectList())
                    .map(found -> new FreeSlots(widget.timeZone(), free(widget, found.getT1(), found.getT2(),
                            windowStart, end)));
        });
    }

    /**
     * The slot of the tenant's availability that starts exactly at {@code start}, if it may be booked now (free of
     * rules' view, not yet checked against bookings).
     */
    Optional<Slot> bookableSlot(PublishedWidget widget, List<AvailabilityRule> tenantRules, Instant start) {
        if (start.isBefore(clock.instant().plus(policy.leadTime()))) {
            return Optional.empty();
        }
        return tenantRules.stream().map(rule -> rule.slotStartingAt(start, widget.timeZone()))
                .flatMap(Optional::stream).findFirst();
    }

    static void requireAppointments(PublishedWidget widget) {
        if (!widget.appointmentsEnabled()) {
            throw new BookingNotFoundException("here: this business does not take appointments online");
        }
    }

    private static List<Slot> free(PublishedWidget widget, List<AvailabilityRule> tenantRules, List<Booking> taken,
            Instant from, Instant to) {
        TreeMap<Instant, Slot> byStart = new TreeMap<>();
        for (AvailabilityRule rule : tenantRules) {
            for (Slot slot : rule.slotsBetween(widget.timeZone(), from, to)) {
                if (taken.stream().noneMatch(booking -> slot.overlaps(booking.start(), booking.end()))) {
                    byStart.putIfAbsent(slot.start(), slot);
                }
            }
        }
        return byStart.values().stream().sorted(Comparator.comparing(Slot::start)).toList();
    }
}
