package dev.concierge.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TenantTest {

    @Test
    void newTenantWaitsForConfirmationWithDefaultsFromItsName() {
        Tenant tenant = TenantFixtures.pendingTenant().withDisplayName("Corner Bakery").build();

        assertThat(tenant.status()).isEqualTo(TenantStatus.PENDING);
        assertThat(tenant.isActive()).isFalse();
        assertThat(tenant.branding().title()).isEqualTo("Corner Bakery");
        assertThat(tenant.assistant().systemPrompt()).contains("Corner Bakery");
        assertThat(tenant.timeZone()).isEqualTo(TimeZones.DEFAULT);
    }

    @Test
    void signUpTimeIsKeptToTheMicrosecond() {
        Tenant tenant = Tenant.signUp(TenantId.random(), ClientKey.of("bakery"),
                new Owner(EmailAddress.of("owner@bakery.example"), TenantFixtures.SOME_HASH), DisplayName.of("Bakery"),
                AllowedOrigins.none(), java.time.ZoneId.of("Europe/Vienna"),
                java.time.Instant.parse("2026-11-26T08:00:00.123456789Z"));

        assertThat(tenant.createdAt()).isEqualTo(java.time.Instant.parse("2026-11-26T08:00:00.123456Z"));
        assertThat(tenant.timeZone()).isEqualTo(java.time.ZoneId.of("Europe/Vienna"));
    }

    @Test
    void confirmationActivatesAndSuspensionDeactivates() {
        Tenant pending = TenantFixtures.pendingTenant().build();

        Tenant active = pending.confirm();
        assertThat(active.isActive()).isTrue();
        assertThat(pending.isActive()).as("tenants are immutable").isFalse();
        assertThat(active.suspend().status()).isEqualTo(TenantStatus.SUSPENDED);
    }

    @Test
    void originsCanBeReplaced() {
        Tenant tenant = TenantFixtures.activeTenant().build()
                .withAllowedOrigins(AllowedOrigins.parse(List.of("https://new.example")));

        assertThat(tenant.allowedOrigins().permits("https://new.example")).isTrue();
        assertThat(tenant.allowedOrigins().permits("https://bakery.example")).isFalse();
    }
}
