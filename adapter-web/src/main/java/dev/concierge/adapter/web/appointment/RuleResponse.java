package dev.concierge.adapter.web.appointment;

import dev.concierge.domain.booking.AvailabilityRule;

/** An availability rule, in the tenant's wall-clock terms. */
public record RuleResponse(String id, String startDate, String startTime, long durationMinutes, String recurrence,
        String endDate) {

    static RuleResponse fromDomain(AvailabilityRule rule) {
        return new RuleResponse(rule.id().toString(), rule.startDate().toString(), rule.startTime().toString(),
                rule.duration().toMinutes(), rule.recurrence().name(),
                rule.endDate() == null ? null : rule.endDate().toString());
    }
}
