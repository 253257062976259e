package dev.concierge.domain.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.domain.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityRuleTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    private static AvailabilityRule rule(String date, String time, int minutes, String recurrence, String end) {
        return AvailabilityRule.of(AvailabilityRuleId.random(), date, time, minutes, recurrence, end);
    }

    @Test
    void aWeeklyRuleKeepsItsWallClockTimeAcrossTheDaylightSavingChange() {
        // Berlin leaves summer time on Sunday 25 October 2026.
        AvailabilityRule mondays = rule("2026-10-12", "10:00", 30, "WEEKLY", null);

        List<Slot> slots = mondays.slotsBetween(BERLIN, Instant.parse("2026-10-12T00:00:00Z"),
                Instant.parse("2026-11-03T00:00:00Z"));

        assertThat(slots).extracting(slot -> slot.localStart().toLocalTime()).containsOnly(LocalTime.of(10, 0));
        assertThat(slots).extracting(Slot::start).containsExactly(
                Instant.parse("2026-10-12T08:00:00Z"), Instant.parse("2026-10-19T08:00:00Z"),
                Instant.parse("2026-10-26T09:00:00Z"), Instant.parse("2026-11-02T09:00:00Z"));
        assertThat(slots.get(2).end()).isEqualTo(Instant.parse("2026-10-26T09:30:00Z"));
    }

    @Test
    void aStartInTheSkippedHourMovesForwardAndTheRepeatedHourTakesTheEarlierOne() {
        // 29 March 2026: 02:00 to 03:00 does not exist in Berlin; 25 October 2026: 02:00 to 03:00 happens twice.
        assertThat(rule("2026-03-29", "02:30", 30, "ONCE", null).slotOn(LocalDate.of(2026, 3, 29), BERLIN).start())
                .isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        assertThat(rule("2026-10-25", "02:30", 30, "ONCE", null).slotOn(LocalDate.of(2026, 10, 25), BERLIN).start())
                .isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
    }

    @Test
    void occurrencesFollowTheRecurrenceUntilTheEndDate() {
        AvailabilityRule daily = rule("2026-12-01", "09:00", 30, "DAILY", "2026-12-03");
        AvailabilityRule once = rule("2026-12-01", "09:00", 30, "ONCE", null);
        Instant from = Instant.parse("2026-11-25T00:00:00Z");
        Instant to = Instant.parse("2026-12-31T00:00:00Z");

        assertThat(daily.slotsBetween(BERLIN, from, to)).hasSize(3);
        assertThat(once.slotsBetween(BERLIN, from, to)).hasSize(1);
        assertThat(rule("2026-12-01", "09:00", 30, "WEEKLY", "2026-12-29").slotsBetween(BERLIN, from, to)).hasSize(5);
        assertThat(daily.slotStartingAt(Instant.parse("2026-12-02T08:00:00Z"), BERLIN)).isPresent();
        assertThat(daily.slotStartingAt(Instant.parse("2026-12-02T08:15:00Z"), BERLIN)).isEmpty();
        assertThat(daily.slotStartingAt(Instant.parse("2026-12-04T08:00:00Z"), BERLIN)).isEmpty();
    }

    @Test
    void rulesClashWhenAnyOfTheirOccurrencesOverlapOnTheWallClock() {
        AvailabilityRule mondays = rule("2026-12-07", "10:00", 60, "WEEKLY", null);

        assertThat(rule("2027-03-01", "10:30", 30, "ONCE", null).firstClashWith(mondays))
                .hasValue(LocalDate.of(2027, 3, 1));
        assertThat(rule("2027-03-02", "10:30", 30, "ONCE", null).firstClashWith(mondays)).as("a Tuesday").isEmpty();
        assertThat(rule("2026-12-01", "11:00", 30, "DAILY", null).firstClashWith(mondays))
                .as("touching is not overlapping").isEmpty();
        assertThat(rule("2026-12-01", "09:45", 30, "DAILY", null).firstClashWith(mondays))
                .hasValue(LocalDate.of(2026, 12, 7));
        assertThat(rule("2026-12-01", "09:45", 30, "DAILY", "2026-12-06").firstClashWith(mondays))
                .as("ends before the Mondays start").isEmpty();
        assertThat(rule("2026-12-06", "23:30", 60, "WEEKLY", null)
                .firstClashWith(rule("2026-12-07", "00:00", 30, "WEEKLY", null)))
                .as("past midnight into the next day").hasValue(LocalDate.of(2026, 12, 6));
    }

    @Test
    void identicalSchedulesAreRecognisedWhateverTheirIds() {
        assertThat(rule("2026-12-07", "10:00", 30, "WEEKLY", null)
                .sameScheduleAs(rule("2026-12-07", "10:00", 30, "WEEKLY", null))).isTrue();
        assertThat(rule("2026-12-07", "10:00", 30, "WEEKLY", null)
                .sameScheduleAs(rule("2026-12-07", "10:00", 45, "WEEKLY", null))).isFalse();
    }

    @Test
    void invalidInputIsNamedFieldByField() {
        assertThatThrownBy(() -> rule("2026-13-01", "25:00", 3, "HOURLY", "2026-01-01"))
                .isInstanceOfSatisfying(ValidationException.class, error -> assertThat(error.violations())
                        .extracting(violation -> violation.field())
                        .containsExactly("startDate", "startTime", "durationMinutes", "recurrence"));
        assertThatThrownBy(() -> rule("2026-12-01", "10:00", 30, "DAILY", "2026-11-30"))
                .isInstanceOfSatisfying(ValidationException.class, error -> assertThat(error.violations())
                        .extracting(violation -> violation.field()).containsExactly("endDate"));
        assertThatThrownBy(() -> rule("2026-12-01", "10:00:30", 30, "DAILY", null))
                .isInstanceOf(ValidationException.class);
        assertThat(AvailabilityRule.of(AvailabilityRuleId.random(), "2026-12-01", "10:00", null, "once", "")
                .duration()).isEqualTo(Duration.ofMinutes(30));
    }
}
