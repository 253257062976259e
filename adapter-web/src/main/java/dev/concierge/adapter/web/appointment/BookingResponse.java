package dev.concierge.adapter.web.appointment;

import dev.concierge.domain.booking.Booking;
import java.time.Instant;
import java.time.ZoneId;

/**
 * A booking: its time in UTC and on the business's clock, who booked, and where it stands.
 *
 * @param localStart the start in the tenant's time zone, without offset, such as {@code 2026-12-01T10:00}
 */
public record BookingResponse(String id, Instant start, Instant end, String localStart, String timeZone, String name,
        String email, String phone, String notes, String status, Instant createdAt) {

    static BookingResponse fromDomain(Booking booking, ZoneId zone) {
        return new BookingResponse(booking.id().toString(), booking.start(), booking.end(),
                booking.start().atZone(zone).toLocalDateTime().toString(), zone.getId(), booking.visitor().name(),
                booking.visitor().email().value(), booking.visitor().phone(), booking.visitor().notes(),
                booking.status().name(), booking.createdAt());
    }
}
