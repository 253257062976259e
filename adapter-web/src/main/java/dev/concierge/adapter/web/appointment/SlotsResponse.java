package dev.concierge.adapter.web.appointment;

import dev.concierge.application.port.in.FreeSlotsUseCase.FreeSlots;
import java.time.Instant;
import java.util.List;

/**
 * Free slots: each with its UTC start and end, and its start on the business's clock, so the widget can show both
 * the visitor's local time and the business's.
 */
public record SlotsResponse(String timeZone, List<Item> slots) {

    /** @param localStart such as {@code 2026-12-01T10:00} in {@link SlotsResponse#timeZone()} */
    public record Item(Instant start, Instant end, String localStart) {
    }

    static SlotsResponse fromDomain(FreeSlots free) {
        return new SlotsResponse(free.timeZone().getId(), free.slots().stream()
                .map(slot -> new Item(slot.start(), slot.end(), slot.localStart().toLocalDateTime().toString()))
                .toList());
    }
}
