package dev.concierge.adapter.persistence.tenant;

import dev.concierge.domain.tenant.AllowedOrigins;
import dev.concierge.domain.tenant.AssistantSettings;
import dev.concierge.domain.tenant.Branding;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.DisplayName;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.HexColor;
import dev.concierge.domain.tenant.Language;
import dev.concierge.domain.tenant.Origin;
import dev.concierge.domain.tenant.Owner;
import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.Position;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.tenant.TenantStatus;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the {@code tenant} table, mapped by Spring Data: each component is the column of the same name in
 * snake case. Instants are held as {@link OffsetDateTime} in UTC, the type both R2DBC drivers map
 * {@code timestamp with time zone} to. The origins live in {@link AllowedOriginRow}.
 *
 * @param updatedAt when the row was last written; the domain does not see it
 * @param version   the tenant's version: Spring Data writes 0 on insert, and on update writes one more and changes the
 *                  row only where it still holds the version the change was based on
 */
@Table("tenant")
record TenantRow(
        @Id UUID id,
        String clientKey,
        String ownerEmail,
        String passwordHash,
        OffsetDateTime sessionsValidFrom,
        boolean ownerEmailVerified,
        String displayName,
        String status,
        String suspensionReason,
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
        boolean appointmentsEnabled,
        String timeZone,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        @Version Long version) {

    static TenantRow fromDomain(Tenant tenant, Instant updatedAt) {
        Branding branding = tenant.branding();
        AssistantSettings assistant = tenant.assistant();
        return new TenantRow(
                tenant.id().value(),
                tenant.clientKey().value(),
                tenant.owner().email().value(),
                tenant.owner().passwordHash().value(),
                utc(tenant.owner().sessionsValidFrom()),
                tenant.owner().emailVerified(),
                tenant.displayName().value(),
                tenant.status().name(),
                tenant.suspensionReason().orElse(null),
                branding.title(),
                branding.buttonEmoji(),
                branding.logo().map(URI::toString).orElse(null),
                branding.firstMessage(),
                branding.font(),
                branding.primaryColor().value(),
                branding.textColor().value(),
                branding.position().name(),
                assistant.systemPrompt(),
                assistant.model(),
                assistant.language().code(),
                tenant.appointmentsEnabled(),
                tenant.timeZone().getId(),
                utc(tenant.createdAt()),
                utc(updatedAt),
                tenant.version());
    }

    /**
     * Rebuilds the tenant with its origins in order. A row that no longer passes the domain's checks (edited by
     * hand, or written under older rules) is a technical fault, reported as {@link IllegalStateException} rather
     * than as invalid user input.
     */
    Tenant toDomain(List<String> allowedOrigins) {
        try {
            Branding branding = new Branding(title, buttonEmoji, logoUrl == null ? null : URI.create(logoUrl),
                    firstMessage, font, new HexColor(primaryColor), new HexColor(textColor), Position.valueOf(position));
            return Tenant.reconstitute(
                    new TenantId(id),
                    new ClientKey(clientKey),
                    new Owner(new EmailAddress(ownerEmail), new PasswordHash(passwordHash),
                            sessionsValidFrom.toInstant(), ownerEmailVerified),
                    new DisplayName(displayName),
                    TenantStatus.valueOf(status),
                    suspensionReason,
                    branding,
                    new AssistantSettings(systemPrompt, model, Language.ofCode(language)),
                    new AllowedOrigins(allowedOrigins.stream().map(Origin::new).toList()),
                    appointmentsEnabled,
                    ZoneId.of(timeZone),
                    createdAt.toInstant(),
                    version);
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored tenant " + id + " is not valid: " + e.getMessage(), e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
