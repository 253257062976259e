package dev.concierge.application.service;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static dev.concierge.domain.tenant.TenantFixtures.pendingTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.SettingsForm;
import dev.concierge.application.port.in.TenantPage;
import dev.concierge.application.port.out.SecurityEvent.Type;
import dev.concierge.application.testing.InMemoryTenants;
import dev.concierge.application.testing.InMemoryTransactions;
import dev.concierge.application.testing.RecordingSecurityEvents;
import dev.concierge.application.testing.TestClock;
import dev.concierge.application.testing.TestMail;
import dev.concierge.domain.shared.ValidationException;
import dev.concierge.domain.shared.Violation;
import dev.concierge.domain.tenant.Language;
import dev.concierge.domain.tenant.Position;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantChangedConcurrentlyException;
import dev.concierge.domain.tenant.TenantSettings;
import dev.concierge.domain.tenant.TenantStatus;
import dev.concierge.domain.tenant.TenantStatusConflictException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class OwnSettingsAndAdministrationTest {

    private static final ClientAddress FROM = new ClientAddress("203.0.113.7");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final RecordingSecurityEvents events = new RecordingSecurityEvents();
    private final List<Tenant> changed = new ArrayList<>();
    private final OwnSettingsService settings = new OwnSettingsService(tenants, changed::add, events, clock);
    private final TestMail mail = new TestMail(clock);
    private final TenantAdministrationService admin = new TenantAdministrationService(tenants, changed::add, events,
            new InMemoryTransactions(), mail.mailer, mail.links, clock);

    static SettingsForm form() {
        return new SettingsForm("Night Bakery", "Ask the baker", "\uD83E\uDD50", "https://cdn.bakery.example/logo.png",
                "Guten Abend!", "Georgia, serif", "#112233", "#FFFFFF", "bottom-left", "Speak like a baker.", "de",
                List.of("https://bakery.example", "https://www.bakery.example/"), false, "Europe/Berlin");
    }

    @Test
    void aValidFormBecomesTheSettings() {
        TenantSettings valid = form().validate();

        assertThat(valid.displayName().value()).isEqualTo("Night Bakery");
        assertThat(valid.branding().position()).isEqualTo(Position.BOTTOM_LEFT);
        assertThat(valid.branding().textColor().value()).isEqualTo("#ffffff");
        assertThat(valid.branding().logo()).isPresent();
        assertThat(valid.language()).isEqualTo(Language.DE);
        assertThat(valid.allowedOrigins().values()).extracting(Object::toString)
                .containsExactly("https://bakery.example", "https://www.bakery.example");
        assertThat(valid.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(valid.appointmentsEnabled()).isFalse();
    }

    @Test
    void anInvalidFormNamesEveryBadField() {
        SettingsForm bad = new SettingsForm(" ", "t", "e", "http://insecure.example/logo.png", "hi", "x;}body{",
                "red", "#fff", "top", "p", "fr", List.of("*"), null, "Mars/Olympus");

        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class, bad::validate)
                .violations()).extracting(Violation::field).containsExactlyInAnyOrder("displayName", "logoUrl", "font",
                        "primaryColor", "position", "language", "allowedOrigins", "appointmentsEnabled", "timeZone");
        SettingsForm nullOrigins = new SettingsForm("a", "t", "e", null, "hi", "Arial", "#000", "#fff",
                "bottom-right", "p", "en", null, true, "UTC");
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class,
                nullOrigins::validate).violations()).extracting(Violation::field).containsExactly("allowedOrigins");
    }

    @Test
    void anOwnerUpdatesTheirSettingsBasedOnTheVersionTheyRead() {
        Tenant tenant = tenants.add(activeTenant().build()).block();
        Caller.OwnerCaller owner = new Caller.OwnerCaller(tenant.id());

        Tenant stored = settings.update(owner, 0, form().validate(), FROM).block();

        assertThat(stored.version()).isEqualTo(1);
        assertThat(stored.settings()).isEqualTo(form().validate());
        assertThat(settings.load(owner).block()).isEqualTo(stored);
        assertThat(changed).containsExactly(stored);
        assertThat(events.types()).containsExactly(Type.SETTINGS_CHANGED);
    }

    @Test
    void anEditBasedOnAnOlderVersionIsRefusedAndChangesNothing() {
        Tenant tenant = tenants.add(activeTenant().build()).block();
        Caller.OwnerCaller owner = new Caller.OwnerCaller(tenant.id());
        settings.update(owner, 0, form().validate(), FROM).block();
        SettingsForm other = new SettingsForm("Day Bakery", "t", "e", null, "hi", "Arial", "#000", "#fff",
                "bottom-right", "p", "en", List.of(), true, "UTC");

        StepVerifier.create(settings.update(owner, 0, other.validate(), FROM))
                .expectError(TenantChangedConcurrentlyException.class).verify();
        assertThat(settings.load(owner).block().displayName().value()).isEqualTo("Night Bakery");
    }

    @Test
    void theAdminConfirmsSuspendsAndReactivates() {
        Tenant tenant = tenants.add(pendingTenant().build()).block();

        assertThat(admin.confirm(tenant.id(), FROM).block().status()).isEqualTo(TenantStatus.ACTIVE);
        Tenant suspended = admin.suspend(tenant.id(), "Unpaid invoice", FROM).block();
        assertThat(suspended.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(suspended.suspensionReason()).hasValue("Unpaid invoice");
        StepVerifier.create(admin.confirm(tenant.id(), FROM)).expectError(TenantStatusConflictException.class).verify();
        assertThat(admin.reactivate(tenant.id(), FROM).block().status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(events.types()).containsExactly(Type.TENANT_CONFIRMED, Type.TENANT_SUSPENDED,
                Type.TENANT_REACTIVATED);
        assertThat(changed).extracting(Tenant::status)
                .containsExactly(TenantStatus.ACTIVE, TenantStatus.SUSPENDED, TenantStatus.ACTIVE);
        assertThat(mail.take()).as("only the first confirmation tells the owner").singleElement()
                .satisfies(notice -> {
                    assertThat(notice.to()).isEqualTo(tenant.owner().email());
                    assertThat(notice.tenantId()).isEqualTo(tenant.id());
                    assertThat(notice.content().subject()).isEqualTo("AssistantActive");
                    assertThat(notice.content().text()).contains("console=https://concierge.example/console/");
                });
    }

    @Test
    void aConfirmationWhoseMailCannotBeQueuedIsNotKept() {
        Tenant tenant = tenants.add(pendingTenant().build()).block();
        TenantAdministrationService failing = new TenantAdministrationService(tenants, changed::add, events,
                new InMemoryTransactions(), new Mailer(mail.outbox, notice -> {
                    throw new IllegalStateException("templates broken");
                }, mail.links, clock), mail.links, clock);

        StepVerifier.create(failing.confirm(tenant.id(), FROM)).expectError(IllegalStateException.class).verify();

        assertThat(tenants.findById(tenant.id()).block().status()).isEqualTo(TenantStatus.PENDING);
        assertThat(changed).isEmpty();
    }

    @Test
    void aSuspensionNeedsAValidReason() {
        Tenant tenant = tenants.add(activeTenant().build()).block();

        StepVerifier.create(admin.suspend(tenant.id(), null, FROM))
                .expectErrorSatisfies(error -> assertThat(((ValidationException) error).violations())
                        .extracting(Violation::field).containsExactly("reason"))
                .verify();
        StepVerifier.create(admin.suspend(tenant.id(), "x".repeat(501), FROM))
                .expectError(ValidationException.class).verify();
        assertThat(tenants.findById(tenant.id()).block().status()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void aStatusChangeWinsOverAConcurrentOwnerEditInsteadOfFailing() {
        Tenant tenant = tenants.add(activeTenant().build()).block();
        InMemoryTenants racing = tenants;
        // The owner's edit lands between the admin's read and write: the admin's change is applied again.
        TenantAdministrationService racy = new TenantAdministrationService(new InterleavingTenants(racing,
                () -> settings.update(new Caller.OwnerCaller(tenant.id()), 0, form().validate(), FROM).block()),
                changed::add, events, new InMemoryTransactions(), mail.mailer, mail.links, clock);

        Tenant suspended = racy.suspend(tenant.id(), "Abuse report", FROM).block();

        assertThat(suspended.status()).isEqualTo(TenantStatus.SUSPENDED);
        assertThat(suspended.displayName().value()).as("the owner's edit is kept").isEqualTo("Night Bakery");
        assertThat(suspended.version()).isEqualTo(2);
    }

    @Test
    void theAdminPagesThroughTenantsByStatus() {
        for (int i = 0; i < 3; i++) {
            tenants.add(pendingTenant().build()).block();
        }
        tenants.add(activeTenant().build()).block();

        TenantPage page = admin.list(TenantStatus.PENDING, 0, 2).block();
        assertThat(page.items()).hasSize(2).allMatch(t -> t.status() == TenantStatus.PENDING);
        assertThat(page.total()).isEqualTo(3);
        assertThat(admin.list(TenantStatus.PENDING, 1, 2).block().items()).hasSize(1);
        assertThat(admin.list(null, 0, 100).block().total()).isEqualTo(4);
        StepVerifier.create(admin.list(null, -1, 0))
                .expectErrorSatisfies(error -> assertThat(((ValidationException) error).violations())
                        .extracting(Violation::field).containsExactly("page", "size"))
                .verify();
    }

    /** Runs something once, right after the first read, as another request would. */
    private static final class InterleavingTenants implements dev.concierge.application.port.out.Tenants {

        private final dev.concierge.application.port.out.Tenants delegate;
        private Runnable between;

        InterleavingTenants(dev.concierge.application.port.out.Tenants delegate, Runnable between) {
            this.delegate = delegate;
            this.between = between;
        }

        @Override
        public reactor.core.publisher.Mono<Tenant> findById(dev.concierge.domain.tenant.TenantId id) {
            return delegate.findById(id).doOnNext(found -> {
                Runnable once = between;
                between = null;
                if (once != null) {
                    once.run();
                }
            });
        }

        @Override
        public reactor.core.publisher.Mono<Tenant> add(Tenant tenant) {
            return delegate.add(tenant);
        }

        @Override
        public reactor.core.publisher.Mono<Tenant> update(Tenant tenant) {
            return delegate.update(tenant);
        }

        @Override
        public reactor.core.publisher.Mono<Tenant> findByClientKey(dev.concierge.domain.tenant.ClientKey key) {
            return delegate.findByClientKey(key);
        }

        @Override
        public reactor.core.publisher.Mono<Tenant> findByOwnerEmail(dev.concierge.domain.tenant.EmailAddress email) {
            return delegate.findByOwnerEmail(email);
        }

        @Override
        public reactor.core.publisher.Flux<Tenant> list(TenantStatus status, long offset, int limit) {
            return delegate.list(status, offset, limit);
        }

        @Override
        public reactor.core.publisher.Mono<Long> count(TenantStatus status) {
            return delegate.count(status);
        }
    }
}
