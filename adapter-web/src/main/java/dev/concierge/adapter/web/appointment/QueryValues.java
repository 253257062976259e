package dev.concierge.adapter.web.appointment;

import dev.concierge.domain.booking.AvailabilityRuleId;
import dev.concierge.domain.booking.AvailabilityRuleNotFoundException;
import dev.concierge.domain.booking.BookingId;
import dev.concierge.domain.booking.BookingNotFoundException;
import dev.concierge.domain.shared.InvalidValueException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/** Instants, numbers and ids from a query string or a path. */
final class QueryValues {

    private QueryValues() {
    }

    /** An ISO-8601 date-time with offset, or {@code null} when absent. */
    static Instant instant(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw.strip()).toInstant();
        } catch (DateTimeException e) {
            throw new InvalidValueException("must be a date and time with offset, such as 2026-12-01T00:00:00Z");
        }
    }


    /** A path id that is not an id names no booking: 404, like an unknown one. */
    static BookingId bookingId(String raw) {
        try {
            return new BookingId(UUID.fromString(raw));
        } catch (IllegalArgumentException notAnId) {
            throw new BookingNotFoundException("with id " + raw);
        }
    }

    static AvailabilityRuleId ruleId(String raw) {
        try {
            return new AvailabilityRuleId(UUID.fromString(raw));
        } catch (IllegalArgumentException notAnId) {
            throw new AvailabilityRuleNotFoundException(raw);
        }
    }
}
