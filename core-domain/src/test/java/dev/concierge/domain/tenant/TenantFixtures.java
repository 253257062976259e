package dev.concierge.domain.tenant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds tenants for tests: {@code TenantFixtures.activeTenant().withClientKey("bakery").withOrigin("https://bakery.example").build()}.
 */
public final class TenantFixtures {

    /** A bcrypt-shaped hash that no password produces; tests that check passwords hash their own. */
    public static final PasswordHash SOME_HASH = new PasswordHash("$2a$12$abcdefghijklmnopqrstuu1234567890ABCDEFGHIJKLMNOPQRSTUV");
    public static final Instant SIGNED_UP_AT = Instant.parse("2026-11-02T09:30:00Z");

    private TenantId id = TenantId.random();
    private String clientKey = "bakery-" + id.value().toString().substring(0, 8);
    private String email = clientKey + "@owner.example";
    private String displayName = "Corner Bakery";
    private final List<String> origins = new ArrayList<>(List.of("https://bakery.example"));
    private TenantStatus status = TenantStatus.ACTIVE;

    private TenantFixtures() {
    }

    public static TenantFixtures activeTenant() {
        return new TenantFixtures();
    }

    public static TenantFixtures pendingTenant() {
        return new TenantFixtures().withStatus(TenantStatus.PENDING);
    }

    public TenantFixtures withId(TenantId tenantId) {
        this.id = tenantId;
        return this;
    }

    public TenantFixtures withClientKey(String key) {
        this.clientKey = key;
        return this;
    }

    public TenantFixtures withOwnerEmail(String ownerEmail) {
        this.email = ownerEmail;
        return this;
    }

    public TenantFixtures withDisplayName(String name) {
        this.displayName = name;
        return this;
    }

    public TenantFixtures withOrigin(String origin) {
        this.origins.add(origin);
        return this;
    }

    public TenantFixtures withoutOrigins() {
        this.origins.clear();
        return this;
    }

    public TenantFixtures withStatus(TenantStatus tenantStatus) {
        this.status = tenantStatus;
        return this;
    }

    public Tenant build() {
        Tenant tenant = Tenant.signUp(id, ClientKey.of(clientKey), new Owner(EmailAddress.of(email), SOME_HASH),
                DisplayName.of(displayName), AllowedOrigins.parse(origins), TimeZones.DEFAULT, SIGNED_UP_AT);
        return switch (status) {
            case PENDING -> tenant;
            case ACTIVE -> tenant.confirm();
            case SUSPENDED -> tenant.suspend("Paused by the platform");
        };
    }
}
