package dev.concierge.adapter.web.widget;

import dev.concierge.domain.tenant.Branding;
import dev.concierge.application.port.in.PublishedWidget;
import java.util.Locale;

/**
 * What the widget needs to render itself. Public: holds nothing about the owner or the assistant's instructions.
 */
public record WidgetConfigResponse(
        String clientKey,
        String title,
        String buttonEmoji,
        String logoUrl,
        String firstMessage,
        String font,
        Colors colors,
        String position,
        boolean appointmentsEnabled,
        String language) {

    /** The widget's colours as CSS hex values. */
    public record Colors(String primary, String text) {
    }

    static WidgetConfigResponse fromDomain(PublishedWidget tenant) {
        Branding branding = tenant.branding();
        return new WidgetConfigResponse(
                tenant.clientKey().value(),
                branding.title(),
                branding.buttonEmoji(),
                branding.logo().map(Object::toString).orElse(null),
                branding.firstMessage(),
                branding.font(),
                new Colors(branding.primaryColor().value(), branding.textColor().value()),
                branding.position().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                tenant.appointmentsEnabled(),
                tenant.language().code());
    }
}
