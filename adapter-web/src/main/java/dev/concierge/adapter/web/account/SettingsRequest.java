package dev.concierge.adapter.web.account;

import dev.concierge.application.port.in.SettingsForm;
import java.util.List;

/**
 * The JSON an owner sends to replace their settings: the same fields as {@link OwnTenantResponse} (the ones that are
 * not settings are ignored), so a client can send back what it read, edited.
 *
 * @param version the version the edit is based on, for clients that cannot send {@code If-Match}
 */
public record SettingsRequest(
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
        String language,
        List<String> allowedOrigins,
        Boolean appointmentsEnabled,
        String timeZone,
        Long version) {

    SettingsForm toForm() {
        return new SettingsForm(displayName, title, buttonEmoji, logoUrl, firstMessage, font, primaryColor, textColor,
                position, systemPrompt, language, allowedOrigins, appointmentsEnabled, timeZone);
    }
}
