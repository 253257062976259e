package dev.concierge.application.port.in;

import dev.concierge.domain.shared.Text;
import dev.concierge.domain.shared.Violations;
import dev.concierge.domain.tenant.AllowedOrigins;
import dev.concierge.domain.tenant.AssistantSettings;
import dev.concierge.domain.tenant.Branding;
import dev.concierge.domain.tenant.DisplayName;
import dev.concierge.domain.tenant.HexColor;
import dev.concierge.domain.tenant.Language;
import dev.concierge.domain.tenant.Position;
import dev.concierge.domain.tenant.TenantSettings;
import dev.concierge.domain.tenant.TimeZones;
import java.net.URI;
import java.time.ZoneId;
import java.util.List;

/**
 * A tenant's settings as an owner typed them, before validation. Every field is required except {@code logoUrl}
 * ({@code null} for no logo); a settings form replaces all settings at once.
 */
public record SettingsForm(
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
        String timeZone) {

    /**
     * @throws dev.concierge.domain.shared.ValidationException naming every invalid field by its name in this record
     */
    public TenantSettings validate() {
        Violations violations = new Violations();
        DisplayName name = violations.field("displayName", displayName, DisplayName::of);
        String validTitle = violations.field("title", title, raw -> Text.require(raw, Branding.MAX_TITLE_LENGTH, false));
        String emoji = violations.field("buttonEmoji", buttonEmoji,
                raw -> Text.require(raw, Branding.MAX_BUTTON_EMOJI_LENGTH, false));
        URI logo = logoUrl == null ? null : violations.field("logoUrl", logoUrl, Branding::parseLogo);
        String greeting = violations.field("firstMessage", firstMessage,
                raw -> Text.require(raw, Branding.MAX_FIRST_MESSAGE_LENGTH, true));
        String validFont = violations.field("font", font, Branding::requireFont);
        HexColor primary = violations.field("primaryColor", primaryColor, HexColor::of);
        HexColor text = violations.field("textColor", textColor, HexColor::of);
        Position place = violations.field("position", position, Position::parse);
        String prompt = violations.field("systemPrompt", systemPrompt,
                raw -> Text.require(raw, AssistantSettings.MAX_PROMPT_LENGTH, true));
        Language lang = violations.field("language", language, Language::ofCode);
        AllowedOrigins origins = violations.field("allowedOrigins", allowedOrigins, AllowedOrigins::parse);
        if (appointmentsEnabled == null) {
            violations.add("appointmentsEnabled", "is required");
        }
        ZoneId zone = violations.field("timeZone", timeZone, TimeZones::parseOrDefault);
        violations.throwIfAny();
        return new TenantSettings(name,
                new Branding(validTitle, emoji, logo, greeting, validFont, primary, text, place),
                prompt, lang, origins, appointmentsEnabled, zone);
    }
}
