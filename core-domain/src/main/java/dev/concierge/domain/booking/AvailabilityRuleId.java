package dev.concierge.domain.booking;

import java.util.Objects;
import java.util.UUID;

/** Identifies an availability rule within its tenant. */
public record AvailabilityRuleId(UUID value) {

    public AvailabilityRuleId {
        Objects.requireNonNull(value, "value");
    }

    public static AvailabilityRuleId random() {
        return new AvailabilityRuleId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
