package dev.concierge.adapter.web.admin;

import dev.concierge.domain.tenant.Origin;
import dev.concierge.domain.tenant.Tenant;
import java.time.Instant;
import java.util.List;

/**
 * A tenant as the platform admin sees it in a listing: who it is, whether its owner proved the e-mail address, where
 * it stands and where its widget may run. No secrets and no assistant settings.
 */
public record AdminTenantResponse(
        String id,
        String clientKey,
        String displayName,
        String ownerEmail,
        boolean ownerEmailVerified,
        String status,
        String suspensionReason,
        List<String> allowedOrigins,
        String timeZone,
        Instant createdAt) {

    static AdminTenantResponse fromDomain(Tenant tenant) {
        return new AdminTenantResponse(
                tenant.id().toString(),
                tenant.clientKey().value(),
                tenant.displayName().value(),
                tenant.owner().email().value(),
                tenant.owner().emailVerified(),
                tenant.status().name(),
                tenant.suspensionReason().orElse(null),
                tenant.allowedOrigins().values().stream().map(Origin::value).toList(),
                tenant.timeZone().getId(),
                tenant.createdAt());
    }
}
