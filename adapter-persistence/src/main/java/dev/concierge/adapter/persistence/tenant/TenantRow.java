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
import io.r2dbc.spi.Row;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A tenant as the {@code tenant} table stores it, plus its allowed origins in order. Instants are held as
 * {@link OffsetDateTime} in UTC, the type both R2DBC drivers map {@code timestamp with time zone} to.
 */
record TenantRow(
        UUID id,
        String clientKey,
        String ownerEmail,
        String passwordHash,
        String displayName,
        String status,
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
        List<String> allowedOrigins) {

    /** The {@code tenant} columns in the order of this record's components, without the origins. */
    static final List<String> COLUMNS = List.of("id", "client_key", "owner_email", "password_hash", "display_name",
            "status", "title", "button_emoji", "logo_url", "first_message", "font", "primary_color", "text_color",
            "position", "system_prompt", "model", "language", "appointments_enabled", "time_zone", "created_at");

    TenantRow {
        allowedOrigins = List.copyOf(allowedOrigins);
    }

    static TenantRow fromDomain(Tenant tenant) {
        Branding branding = tenant.branding();
        AssistantSettings assistant = tenant.assistant();
        return new TenantRow(
                tenant.id().value(),
                tenant.clientKey().value(),
                tenant.owner().email().value(),
                tenant.owner().passwordHash().value(),
                tenant.displayName().value(),
                tenant.status().name(),
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
                tenant.allowedOrigins().values().stream().map(Origin::value).toList());
    }

    /**
     * Rebuilds the tenant. A row that no longer passes the domain's checks (edited by hand, or written under older
     * rules) is a technical fault, reported as {@link IllegalStateException} rather than as invalid user input.
     */
    Tenant toDomain() {
        try {
            Branding branding = new Branding(title, buttonEmoji, logoUrl == null ? null : URI.create(logoUrl),
                    firstMessage, font, new HexColor(primaryColor), new HexColor(textColor), Position.valueOf(position));
            return Tenant.reconstitute(
                    new TenantId(id),
                    new ClientKey(clientKey),
                    new Owner(new EmailAddress(ownerEmail), new PasswordHash(passwordHash)),
                    new DisplayName(displayName),
                    TenantStatus.valueOf(status),
                    branding,
                    new AssistantSettings(systemPrompt, model, Language.ofCode(language)),
                    new AllowedOrigins(allowedOrigins.stream().map(Origin::new).toList()),
                    appointmentsEnabled,
                    ZoneId.of(timeZone),
                    createdAt.toInstant());
        } catch (RuntimeException e) {
            throw new IllegalStateException("stored tenant " + id + " is not valid: " + e.getMessage(), e);
        }
    }

    /** Reads the {@code tenant} columns of a result row; the origins are added with {@link #withOrigins}. */
    static TenantRow read(Row row) {
        return new TenantRow(
                row.get("id", UUID.class),
                row.get("client_key", String.class),
                row.get("owner_email", String.class),
                row.get("password_hash", String.class),
                row.get("display_name", String.class),
                row.get("status", String.class),
                row.get("title", String.class),
                row.get("button_emoji", String.class),
                row.get("logo_url", String.class),
                row.get("first_message", String.class),
                row.get("font", String.class),
                row.get("primary_color", String.class),
                row.get("text_color", String.class),
                row.get("position", String.class),
                row.get("system_prompt", String.class),
                row.get("model", String.class),
                row.get("language", String.class),
                Boolean.TRUE.equals(row.get("appointments_enabled", Boolean.class)),
                row.get("time_zone", String.class),
                row.get("created_at", OffsetDateTime.class),
                List.of());
    }

    TenantRow withOrigins(List<String> origins) {
        return new TenantRow(id, clientKey, ownerEmail, passwordHash, displayName, status, title, buttonEmoji, logoUrl,
                firstMessage, font, primaryColor, textColor, position, systemPrompt, model, language,
                appointmentsEnabled, timeZone, createdAt, origins);
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
