package dev.concierge.application.port.in;

import dev.concierge.domain.booking.AvailabilityRule;
import dev.concierge.domain.booking.AvailabilityRuleId;

/**
 * An availability rule as an owner typed it, before validation.
 *
 * @param durationMinutes {@code null} for the default of 30 minutes
 * @param endDate         {@code null} or empty for no end
 */
public record AvailabilityForm(String startDate, String startTime, Integer durationMinutes, String recurrence,
        String endDate) {

    /** @throws dev.concierge.domain.shared.ValidationException naming every invalid field */
    public AvailabilityRule validate(AvailabilityRuleId id) {
        return AvailabilityRule.of(id, startDate, startTime, durationMinutes, recurrence, endDate);
    }
}
