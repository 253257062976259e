package dev.concierge.adapter.web.appointment;

import dev.concierge.application.port.in.AvailabilityForm;

/** The JSON an owner sends to create or change an availability rule. */
public record RuleRequest(String startDate, String startTime, Integer durationMinutes, String recurrence,
        String endDate) {

    AvailabilityForm toForm() {
        return new AvailabilityForm(startDate, startTime, durationMinutes, recurrence, endDate);
    }
}
