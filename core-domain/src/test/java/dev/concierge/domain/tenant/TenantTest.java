package dev.concierge.domain.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        assertThat(active.suspend("Paused by the platform").status()).isEqualTo(TenantStatus.SUSPENDED);
    }

    @Test
    void originsCanBeReplaced() {
        Tenant tenant = TenantFixtures.activeTenant().build()
                .withAllowedOrigins(AllowedOrigins.parse(List.of("https://new.example")));

        assertThat(tenant.allowedOrigins().permits("https://new.example")).isTrue();
        assertThat(tenant.allowedOrigins().permits("https://bakery.example")).isFalse();
    }

    @Test
    void confirmingASuspendedTenantIsAConflictAndReactivatingAPendingOneToo() {
        Tenant suspended = TenantFixtures.activeTenant().build().suspend("Unpaid invoice");

        assertThatThrownBy(suspended::confirm).isInstanceOf(TenantStatusConflictException.class);
        assertThatThrownBy(TenantFixtures.pendingTenant().build()::reactivate)
                .isInstanceOf(TenantStatusConflictException.class);
        assertThat(suspended.reactivate().isActive()).isTrue();
        assertThat(suspended.reactivate().suspensionReason()).isEmpty();
    }

    @Test
    void suspensionKeepsItsReasonForTheOwnerToRead() {
        Tenant suspended = TenantFixtures.pendingTenant().build().suspend("  Spam sign-up\nContact support  ");

        assertThat(suspended.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(suspended.suspensionReason()).hasValue("Spam sign-up\nContact support");
        assertThatThrownBy(() -> suspended.suspend(" ")).isInstanceOf(dev.concierge.domain.shared.InvalidValueException.class);
        assertThatThrownBy(() -> suspended.suspend("x".repeat(Tenant.MAX_SUSPENSION_REASON_LENGTH + 1)))
                .isInstanceOf(dev.concierge.domain.shared.InvalidValueException.class);
    }

    @Test
    void settingsChangeWhatTheOwnerEditsAndNothingElse() {
        Tenant tenant = TenantFixtures.activeTenant().build();
        TenantSettings wanted = new TenantSettings(DisplayName.of("Night Bakery"),
                tenant.branding().withTitle("Ask the baker"), "Speak like a baker.", Language.DE,
                AllowedOrigins.none(), false, java.time.ZoneId.of("Europe/Berlin"));

        Tenant changed = tenant.withSettings(wanted);

        assertThat(changed.settings()).isEqualTo(wanted);
        assertThat(changed.assistant().model()).isEqualTo(tenant.assistant().model());
        assertThat(changed.status()).isEqualTo(tenant.status());
        assertThat(changed.clientKey()).isEqualTo(tenant.clientKey());
        assertThat(changed.owner()).isEqualTo(tenant.owner());
        assertThat(changed.version()).isEqualTo(tenant.version());
    }

    @Test
    void aNewPasswordRevokesEverySessionIssuedUntilTheNextWholeSecond() {
        Owner owner = TenantFixtures.activeTenant().build().owner();
        java.time.Instant changedAt = java.time.Instant.parse("2026-11-27T10:00:00.400Z");

        Owner changed = owner.withPassword(TenantFixtures.SOME_HASH, changedAt);

        assertThat(owner.acceptsSessionIssuedAt(java.time.Instant.parse("2026-11-27T10:00:00Z"))).isTrue();
        assertThat(changed.acceptsSessionIssuedAt(java.time.Instant.parse("2026-11-27T10:00:00Z"))).isFalse();
        assertThat(changed.sessionIssueTime(changedAt.plusMillis(100)))
                .as("a session started right after the change is valid")
                .isEqualTo(java.time.Instant.parse("2026-11-27T10:00:01Z"));
        assertThat(changed.acceptsSessionIssuedAt(changed.sessionIssueTime(changedAt.plusMillis(100)))).isTrue();
        assertThat(changed.revokeSessions(java.time.Instant.parse("2026-11-27T11:00:00Z")).sessionsValidFrom())
                .isEqualTo(java.time.Instant.parse("2026-11-27T11:00:01Z"));
    }

    @Test
    void aVerifiedAddressStaysVerifiedThroughPasswordChangesAndSignOuts() {
        Owner owner = TenantFixtures.activeTenant().build().owner();
        assertThat(owner.emailVerified()).as("a new owner has not proved the address yet").isFalse();

        Owner verified = owner.verifyEmail();

        assertThat(verified.emailVerified()).isTrue();
        assertThat(verified.email()).isEqualTo(owner.email());
        assertThat(verified.sessionsValidFrom()).isEqualTo(owner.sessionsValidFrom());
        java.time.Instant now = java.time.Instant.parse("2026-11-27T10:00:00Z");
        assertThat(verified.withPassword(TenantFixtures.SOME_HASH, now).emailVerified()).isTrue();
        assertThat(verified.revokeSessions(now).emailVerified()).isTrue();
    }
}
