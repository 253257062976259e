package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.InvalidValueException;
import java.time.ZoneId;

/**
 * The time zones a tenant may keep its calendar in: IANA region ids such as {@code Europe/Berlin} (which follow
 * daylight saving time), or {@code UTC}. Fixed offsets such as {@code +02:00} are refused: a business's "Monday
 * 10:00" would drift by an hour twice a year.
 */
public final class TimeZones {

    /** What a tenant gets when it names no time zone at sign-up; its owner can change it later. */
    public static final ZoneId DEFAULT = ZoneId.of("UTC");

    private TimeZones() {
    }

    /**
     * @param raw an IANA zone id, or {@code null}/blank for {@link #DEFAULT}
     * @throws InvalidValueException if {@code raw} names no IANA region or is a fixed offset
     */
    public static ZoneId parseOrDefault(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT;
        }
        String id = raw.strip();
        if (id.equals("UTC")) {
            return DEFAULT;
        }
        if (!ZoneId.getAvailableZoneIds().contains(id) || !id.contains("/") || id.startsWith("Etc/")
                || id.startsWith("SystemV/")) {
            throw new InvalidValueException("must be an IANA time zone such as Europe/Berlin or America/New_York");
        }
        return ZoneId.of(id);
    }
}
