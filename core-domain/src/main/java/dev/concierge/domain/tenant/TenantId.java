package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.InvalidValueException;
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

    public static TenantId of(String raw) {
        try {
            return new TenantId(UUID.fromString(raw));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InvalidValueException("must be a UUID");
        }
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
