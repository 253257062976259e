package dev.concierge.domain.booking;

import dev.concierge.domain.shared.InvalidValueException;
import dev.concierge.domain.shared.Violations;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * When a business takes appointments: from a start date, at a start time, for a duration, once or repeating daily or
 * weekly until an optional end date. Dates and times are the business's wall-clock time, read in the tenant's time
 * zone when slots are made, so that "Mondays at 10:00" stays 10:00 across daylight-saving changes. A start time that
 * falls into a gap (the hour skipped in spring) moves forward by the gap; in the repeated hour of autumn the earlier
 * of the two is taken.
 *
 * @param endDate the last date with an occurrence, or {@code null} for no end; always {@code null} for {@link
 *                Recurrence#ONCE}
 */
public record AvailabilityRule(AvailabilityRuleId id, LocalDate startDate, LocalTime startTime, Duration duration,
        Recurrence recurrence, LocalDate endDate) {

    public static final Duration DEFAULT_DURATION = Duration.ofMinutes(30);
    public static final Duration MIN_DURATION = Duration.ofMinutes(5);
    /** Less than a day, so that an occurrence can only meet those of the day before and after. */
    public static final Duration MAX_DURATION = Duration.ofHours(12);

    private static final int MINUTES_PER_DAY = 24 * 60;

    public AvailabilityRule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(startTime, "startTime");
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(recurrence, "recurrence");
        if (startTime.getSecond() != 0 || startTime.getNano() != 0) {
            throw new IllegalArgumentException("a rule starts on a whole minute, not " + startTime);
        }
        requireDuration(duration);
        if (recurrence == Recurrence.ONCE && endDate != null && !endDate.equals(startDate)) {
            throw new IllegalArgumentException("a rule that happens once has no end date");
        }
        if (recurrence == Recurrence.ONCE) {
            endDate = null;
        }
        if (endDate != null && endDate.isBefore(startDate)) {
            throw new IllegalArgumentException("a rule ends on or after its start date");
        }
    }

    /**
     * A rule from what an owner typed.
     *
     * @param durationMinutes {@code null} for {@link #DEFAULT_DURATION}
     * @param endDate         {@code null} or blank for no end
     * @throws dev.concierge.domain.shared.ValidationException naming every invalid field: {@code startDate},
     *         {@code startTime}, {@code durationMinutes}, {@code recurrence}, {@code endDate}
     */
    public static AvailabilityRule of(AvailabilityRuleId id, String startDate, String startTime,
            Integer durationMinutes, String recurrence, String endDate) {
        Violations violations = new Violations();
        LocalDate start = violations.field("startDate", startDate, AvailabilityRule::parseDate);
        LocalTime time = violations.field("startTime", startTime, AvailabilityRule::parseTime);
        Duration duration = durationMinutes == null ? DEFAULT_DURATION
                : violations.field("durationMinutes", durationMinutes, minutes -> requireDuration(
                        Duration.ofMinutes(minutes)));
        Recurrence repeat = violations.field("recurrence", recurrence, Recurrence::parse);
        LocalDate end = endDate == null || endDate.isBlank() ? null
                : violations.field("endDate", endDate, AvailabilityRule::parseDate);
        if (start != null && end != null && end.isBefore(start)) {
            violations.add("endDate", "must not be before startDate");
        } else if (repeat == Recurrence.ONCE && end != null && !end.equals(start)) {
            violations.add("endDate", "must be empty for a rule that happens once");
        }
        violations.throwIfAny();
        return new AvailabilityRule(id, start, time, duration, repeat, end);
    }

    /** Whether the rule has an occurrence on {@code date}. */
    public boolean occursOn(LocalDate date) {
        if (date.isBefore(startDate) || endDate != null && date.isAfter(endDate)) {
            return false;
        }
        return switch (recurrence) {
            case ONCE -> date.equals(startDate);
            case DAILY -> true;
            case WEEKLY -> date.getDayOfWeek() == startDate.getDayOfWeek();
        };
    }

    /** The occurrence on {@code date} (which must be one of its dates), in {@code zone}. */
    public Slot slotOn(LocalDate date, ZoneId zone) {
        ZonedDateTime local = ZonedDateTime.of(date, startTime, zone);
        Instant start = local.toInstant();
        return new Slot(start, start.plus(duration), local);
    }

    /** The occurrences that start in {@code [from, to)}, earliest first. */
    public List<Slot> slotsBetween(ZoneId zone, Instant from, Instant to) {
        List<Slot> slots = new ArrayList<>();
        if (!from.isBefore(to)) {
            return slots;
        }
        LocalDate first = from.atZone(zone).toLocalDate().minusDays(1);
        LocalDate last = to.atZone(zone).toLocalDate().plusDays(1);
        if (first.isBefore(startDate)) {
            first = startDate;
        }
        if (endDate != null && last.isAfter(endDate)) {
            last = endDate;
        }
        for (LocalDate date = first; !date.isAfter(last); date = date.plusDays(1)) {
            if (occursOn(date)) {
                Slot slot = slotOn(date, zone);
                if (!slot.start().isBefore(from) && slot.start().isBefore(to)) {
                    slots.add(slot);
                }
            }
        }
        return slots;
    }

    /** The occurrence that starts exactly at {@code start}, if there is one. */
    public Optional<Slot> slotStartingAt(Instant start, ZoneId zone) {
        return slotsBetween(zone, start, start.plusNanos(1)).stream().findFirst();
    }

    /** Whether {@code other} describes the same times (its id aside). */
    public boolean sameScheduleAs(AvailabilityRule other) {
        return startDate.equals(other.startDate) && startTime.equals(other.startTime)
                && duration.equals(other.duration) && recurrence == other.recurrence
                && Objects.equals(endDate, other.endDate);
    }

    /**
     * The first date on which an occurrence of this rule overlaps one of {@code other}'s, compared on the wall clock.
     * Both rules repeat at most weekly, so if they ever meet, they meet within about a week of the later start.
     */
    public Optional<LocalDate> firstClashWith(AvailabilityRule other) {
        LocalDate from = (startDate.isAfter(other.startDate) ? startDate : other.startDate).minusDays(1);
        LocalDate until = from.plusDays(9);
        for (LocalDate date = from; !date.isAfter(until); date = date.plusDays(1)) {
            if (!occursOn(date)) {
                continue;
            }
            long start = minuteOfDay(startTime);
            long end = start + duration.toMinutes();
            for (int shift = -1; shift <= 1; shift++) {
                if (other.occursOn(date.plusDays(shift))) {
                    long otherStart = shift * (long) MINUTES_PER_DAY + minuteOfDay(other.startTime);
                    long otherEnd = otherStart + other.duration.toMinutes();
                    if (start < otherEnd && otherStart < end) {
                        return Optional.of(date);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static long minuteOfDay(LocalTime time) {
        return time.getHour() * 60L + time.getMinute();
    }

    private static Duration requireDuration(Duration duration) {
        if (duration.compareTo(MIN_DURATION) < 0 || duration.compareTo(MAX_DURATION) > 0
                || duration.getSeconds() % 60 != 0 || duration.getNano() != 0) {
            throw new InvalidValueException("must be whole minutes from " + MIN_DURATION.toMinutes() + " to "
                    + MAX_DURATION.toMinutes());
        }
        return duration;
    }

    private static LocalDate parseDate(String raw) {
        try {
            return LocalDate.parse(raw.strip());
        } catch (DateTimeException e) {
            throw new InvalidValueException("must be a date such as 2026-12-01");
        }
    }

    private static LocalTime parseTime(String raw) {
        try {
            LocalTime time = LocalTime.parse(raw.strip());
            if (time.getSecond() != 0 || time.getNano() != 0) {
                throw new InvalidValueException("must be a whole minute such as 09:30");
            }
            return time;
        } catch (DateTimeException e) {
            throw new InvalidValueException("must be a time such as 09:30");
        }
    }
}
