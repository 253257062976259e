package dev.concierge.adapter.persistence.availability;

import dev.concierge.domain.booking.AvailabilityRule;
import dev.concierge.domain.booking.AvailabilityRuleId;
import dev.concierge.domain.booking.Recurrence;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the {@code availability_rule} table, mapped by Spring Data. Dates and times are the tenant's wall clock,
 * as the rule holds them ({@code date} and {@code time} columns, no zone); the duration is whole minutes.
 *
 * @param endDate {@code null} for no end
 */
@Table("availability_rule")
record AvailabilityRuleRow(@Id UUID id, UUID tenantId, LocalDate startDate, LocalTime startTime,
        int durationMinutes, String recurrence, LocalDate endDate) {

    static AvailabilityRuleRow fromDomain(UUID tenantId, AvailabilityRule rule) {
        return new AvailabilityRuleRow(rule.id().value(), tenantId, rule.startDate(), rule.startTime(),
                Math.toIntExact(rule.duration().toMinutes()), rule.recurrence().name(), rule.endDate());
    }

    /** The rule; a row that no longer passes the domain's checks is a technical fault, not a missing rule. */
    AvailabilityRule toDomain() {
        try {
            return new AvailabilityRule(new AvailabilityRuleId(id), startDate, startTime,
                    Duration.ofMinutes(durationMinutes), Recurrence.valueOf(recurrence), endDate);
        } catch (RuntimeException e) {
            throw new IllegalStateException("availability rule " + id + " is not valid: " + e.getMessage(), e);
        }
    }
}
