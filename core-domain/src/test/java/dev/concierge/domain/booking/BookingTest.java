package dev.concierge.domain.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.domain.shared.ValidationException;
import dev.concierge.domain.tenant.TenantId;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class BookingTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    private static Booking requested() {
        Slot slot = AvailabilityRule.of(AvailabilityRuleId.random(), "2026-12-01", "10:00", 30, "ONCE", null)
                .slotOn(java.time.LocalDate.of(2026, 12, 1), ZoneId.of("Europe/Berlin"));
        return Booking.request(BookingId.random(), TenantId.random(), slot,
                Visitor.of("Ada Lovelace", "ada@example.com", null, null), NOW, null, null);
    }

    @Test
    void everyChangeRaisesTheSequenceAndACancelledBookingCannotBeConfirmed() {
        Booking booking = requested();
        assertThat(booking.status()).isEqualTo(BookingStatus.REQUESTED);
        assertThat(booking.sequence()).isZero();

        Booking confirmed = booking.confirm(NOW.plusSeconds(60));
        assertThat(confirmed.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(confirmed.sequence()).isEqualTo(1);
        assertThat(confirmed.confirm(NOW)).isSameAs(confirmed);

        Booking cancelled = confirmed.cancel(NOW.plusSeconds(120));
        assertThat(cancelled.status().holdsSlot()).isFalse();
        assertThat(cancelled.sequence()).isEqualTo(2);
        assertThat(cancelled.cancel(NOW)).isSameAs(cancelled);
        assertThatThrownBy(() -> cancelled.confirm(NOW)).isInstanceOf(BookingStatusConflictException.class);
    }

    @Test
    void aVisitorIsValidatedFieldByField() {
        assertThatThrownBy(() -> Visitor.of("", "not-an-address", "call me", "x".repeat(1001)))
                .isInstanceOfSatisfying(ValidationException.class, error -> assertThat(error.violations())
                        .extracting(violation -> violation.field())
                        .containsExactly("name", "email", "phone", "notes"));
        Visitor visitor = Visitor.of(" Ada ", "ada@example.com", "+49 (30) 123-456", "  ");
        assertThat(visitor.phone()).isEqualTo("+49 (30) 123-456");
        assertThat(visitor.notes()).isNull();
    }
}
