package dev.concierge.adapter.web.tenant;

import dev.concierge.domain.tenant.Origin;
import dev.concierge.domain.tenant.Tenant;
import java.time.Instant;
import java.util.List;

/**
 * A tenant as its owner sees it. Built field by field so that the password hash can never slip in.
 */
public record TenantResponse(
        String id,
        String clientKey,
        String displayName,
        String ownerEmail,
        String status,
        List<String> allowedOrigins,
        boolean appointmentsEnabled,
        String timeZone,
        Instant createdAt) {

    static TenantResponse fromDomain(Tenant tenant) {
        return new TenantResponse(
                tenant.id().toString(),
                tenant.clientKey().value(),
                tenant.displayName().value(),
                tenant.owner().email().value(),
                tenant.status().name(),
                tenant.allowedOrigins().values().stream().map(Origin::value).toList(),
                tenant.appointmentsEnabled(),
                tenant.timeZone().getId(),
                tenant.createdAt());
    }
}
