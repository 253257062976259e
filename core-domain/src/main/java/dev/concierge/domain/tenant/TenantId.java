package dev.concierge.domain.tenant;

import java.util.Objects;
import java.util.UUID;

/**
 * Identifies a tenant internally. Never shown to visitors: the widget uses the {@link ClientKey}.
 */
public record TenantId(UUID value) {

    public TenantId {
        Objects.requireNonNull(value, "value");
    }

    public static TenantId random() {
        return new TenantId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
