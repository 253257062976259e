package dev.concierge.adapter.persistence.booking;

import dev.concierge.domain.booking.Booking;
import dev.concierge.domain.booking.BookingId;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.booking.Visitor;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.TenantId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the {@code booking} table, mapped by Spring Data, the visitor's fields flattened into columns of their own.
 * Instants are held as {@link OffsetDateTime} in UTC, as in the tenant rows, to the microsecond.
 *
 * @param visitorPhone   {@code null} when the visitor gave none
 * @param visitorNotes   likewise
 * @param idempotencyKey {@code null} for a booking requested without a key, and then so is {@code requestHash}
 */
@Table("booking")
record BookingRow(
        @Id UUID id,
        UUID tenantId,
        OffsetDateTime startAt,
        OffsetDateTime endAt,
        String visitorName,
        String visitorEmail,
        String visitorPhone,
        String visitorNotes,
        String status,
        int sequence,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String idempotencyKey,
        String requestHash) {

    static BookingRow fromDomain(Booking booking) {
        Visitor visitor = booking.visitor();
        return new BookingRow(booking.id().value(), booking.tenantId().value(), utc(booking.start()),
                utc(booking.end()), visitor.name(), visitor.email().value(), visitor.phone(), visitor.notes(),
                booking.status().name(), booking.sequence(), utc(booking.createdAt()), utc(booking.updatedAt()),
                booking.idempotencyKey(), booking.requestHash());
    }

    /**
     * The booking as stored. The visitor is reconstituted as it was validated when the booking was made; a row that
     * no longer passes the domain's checks is a technical fault, not a missing booking.
     */
    Booking toDomain() {
        try {
            return new Booking(new BookingId(id), new TenantId(tenantId), startAt.toInstant(), endAt.toInstant(),
                    new Visitor(visitorName, new EmailAddress(visitorEmail), visitorPhone, visitorNotes),
                    BookingStatus.valueOf(status), sequence, createdAt.toInstant(), updatedAt.toInstant(),
                    idempotencyKey, requestHash);
        } catch (RuntimeException e) {
            throw new IllegalStateException("booking " + id + " is not valid: " + e.getMessage(), e);
        }
    }

    /** The instant in UTC, to the microsecond both databases keep (cut, where they would round). */
    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
