package dev.concierge.domain.tenant;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything a tenant's owner edits about their assistant: its name, its look, what it is told and in which language
 * it speaks, where it may be embedded, whether it books appointments, and the time zone of its calendar. The model
 * is not among them: the platform decides which models a tenant may use.
 */
public record TenantSettings(
        DisplayName displayName,
        Branding branding,
        String systemPrompt,
        Language language,
        AllowedOrigins allowedOrigins,
        boolean appointmentsEnabled,
        ZoneId timeZone) {

    public TenantSettings {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(branding, "branding");
        Objects.requireNonNull(systemPrompt, "systemPrompt");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(allowedOrigins, "allowedOrigins");
        Objects.requireNonNull(timeZone, "timeZone");
    }
}
