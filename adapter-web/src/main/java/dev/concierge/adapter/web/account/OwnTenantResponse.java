package dev.concierge.adapter.web.account;

import dev.concierge.domain.tenant.Branding;
import dev.concierge.domain.tenant.Origin;
import dev.concierge.domain.tenant.Tenant;
import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * A tenant as its owner sees and edits it: every setting, plus its status (with the reason of a suspension) and the
 * version an edit must be based on. Built field by field so that the password hash can never slip in.
 */
public record OwnTenantResponse(
        String id,
        String clientKey,
        String ownerEmail,
        boolean ownerEmailVerified,
        String status,
        String suspensionReason,
        String displayName,
        String title,
        String buttonEmoji,
        String logoUrl,
        String firstMessage,
        String font,
        String primaryColor,
        String textColor,
        String position,
        String systemPrompt,
        String model,
        String language,
        List<String> allowedOrigins,
        boolean appointmentsEnabled,
        String timeZone,
        Instant createdAt,
        long version) {

    static OwnTenantResponse fromDomain(Tenant tenant) {
        Branding branding = tenant.branding();
        return new OwnTenantResponse(
                tenant.id().toString(),
                tenant.clientKey().value(),
                tenant.owner().email().value(),
                tenant.owner().emailVerified(),
                tenant.status().name(),
                tenant.suspensionReason().orElse(null),
                tenant.displayName().value(),
                branding.title(),
                branding.buttonEmoji(),
                branding.logo().map(URI::toString).orElse(null),
                branding.firstMessage(),
                branding.font(),
                branding.primaryColor().value(),
                branding.textColor().value(),
                branding.position().code(),
                tenant.assistant().systemPrompt(),
                tenant.assistant().model(),
                tenant.assistant().language().code(),
                tenant.allowedOrigins().values().stream().map(Origin::value).toList(),
                tenant.appointmentsEnabled(),
                tenant.timeZone().getId(),
                tenant.createdAt(),
                tenant.version());
    }
}
