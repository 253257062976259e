package dev.concierge.application.port.in;

import dev.concierge.domain.tenant.AllowedOrigins;
import dev.concierge.domain.tenant.Branding;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.Language;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What an active tenant publishes to visitors' browsers: how its widget looks and speaks, and which web origins may
 * embed it. Holds nothing private (no owner, no password hash, no assistant instructions), so it may be cached.
 *
 * @param tenantId the tenant, for the widget endpoints that act on its behalf; never sent to browsers
 */
public record PublishedWidget(
        TenantId tenantId,
        ClientKey clientKey,
        Branding branding,
        Language language,
        boolean appointmentsEnabled,
        ZoneId timeZone,
        AllowedOrigins allowedOrigins) {

    public PublishedWidget {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(branding, "branding");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(allowedOrigins, "allowedOrigins");
    }

    public static PublishedWidget of(Tenant tenant) {
        return new PublishedWidget(tenant.id(), tenant.clientKey(), tenant.branding(), tenant.assistant().language(),
                tenant.appointmentsEnabled(), tenant.timeZone(), tenant.allowedOrigins());
    }
}
