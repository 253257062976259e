package dev.concierge.application.testing;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static dev.concierge.domain.tenant.TenantFixtures.pendingTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.AllowedOrigins;
import dev.concierge.domain.tenant.Branding;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.ClientKeyTakenException;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.HexColor;
import dev.concierge.domain.tenant.Owner;
import dev.concierge.domain.tenant.OwnerEmailTakenException;
import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.Position;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantChangedConcurrentlyException;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.tenant.TenantNotFoundException;
import dev.concierge.domain.tenant.TenantStatus;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every implementation of {@link Tenants} must do. Subclasses provide an empty store per test.
 */
public abstract class TenantsContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A store holding no tenants. */
    protected abstract Tenants tenants();

    @Test
    void addedTenantIsFoundByIdAndByClientKeyExactlyAsStored() {
        Tenants tenants = tenants();
        Tenant tenant = pendingTenant().withOrigin("http://localhost:8080").withOrigin("https://b.example:8443").build();

        StepVerifier.create(tenants.add(tenant)).expectNext(tenant).verifyComplete();

        StepVerifier.create(tenants.findById(tenant.id())).expectNext(tenant).expectComplete().verify(TIMEOUT);
        StepVerifier.create(tenants.findByClientKey(tenant.clientKey())).assertNext(found -> {
            assertThat(found).isEqualTo(tenant);
            assertThat(found.allowedOrigins().values()).extracting(Object::toString)
                    .containsExactly("https://bakery.example", "http://localhost:8080", "https://b.example:8443");
            assertThat(found.owner().passwordHash()).isEqualTo(tenant.owner().passwordHash());
        }).expectComplete().verify(TIMEOUT);
    }

    @Test
    void unknownTenantsAreEmpty() {
        Tenants tenants = tenants();

        StepVerifier.create(tenants.findById(TenantId.random())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(tenants.findByClientKey(ClientKey.of("nobody-here"))).expectComplete().verify(TIMEOUT);
    }

    @Test
    void secondTenantWithTakenClientKeyIsRejectedAndNothingOfItIsStored() {
        Tenants tenants = tenants();
        Tenant first = activeTenant().withClientKey("corner-bakery").build();
        Tenant second = pendingTenant().withClientKey("corner-bakery").withOwnerEmail("other@owner.example").build();
        tenants.add(first).block(TIMEOUT);

        StepVerifier.create(tenants.add(second)).expectError(ClientKeyTakenException.class).verify(TIMEOUT);

        StepVerifier.create(tenants.findById(second.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(tenants.findByClientKey(first.clientKey())).expectNext(first).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void secondTenantWithTakenOwnerEmailIsRejected() {
        Tenants tenants = tenants();
        tenants.add(activeTenant().withOwnerEmail("owner@bakery.example").build()).block(TIMEOUT);
        Tenant second = pendingTenant().withOwnerEmail("owner@bakery.example").build();

        StepVerifier.create(tenants.add(second)).expectError(OwnerEmailTakenException.class).verify(TIMEOUT);
        StepVerifier.create(tenants.findById(second.id())).expectComplete().verify(TIMEOUT);
    }

    @Test
    void concurrentSignUpsForOneClientKeyLetExactlyOneWin() {
        assertExactlyOneWins(i -> pendingTenant().withClientKey("race-key").withOwnerEmail(i + "@race.example").build(),
                ClientKeyTakenException.class);
    }

    @Test
    void updateReplacesStatusBrandingAndOrigins() {
        Tenants tenants = tenants();
        Tenant tenant = pendingTenant().build();
        tenants.add(tenant).block(TIMEOUT);
        Branding branding = new Branding("Ask the Baker", "\uD83E\uDD50", URI.create("https://cdn.bakery.example/logo.png"),
                "Hi! Fresh bread today.", "Georgia", HexColor.of("#aa3300"), HexColor.of("#000"), Position.BOTTOM_LEFT);
        Tenant changed = tenant.confirm().withBranding(branding)
                .withAllowedOrigins(AllowedOrigins.parse(List.of("https://new.example", "https://bakery.example")));

        StepVerifier.create(tenants.update(changed)).expectNext(changed.storedAs(1)).expectComplete().verify(TIMEOUT);

        StepVerifier.create(tenants.findById(tenant.id())).assertNext(found -> {
            assertThat(found).isEqualTo(changed.storedAs(1));
            assertThat(found.status()).isEqualTo(TenantStatus.ACTIVE);
            assertThat(found.allowedOrigins().values()).extracting(Object::toString)
                    .containsExactly("https://new.example", "https://bakery.example");
        }).expectComplete().verify(TIMEOUT);
    }

    @Test
    void concurrentSignUpsForOneOwnerEmailLetExactlyOneWin() {
        assertExactlyOneWins(i -> pendingTenant().withClientKey("race-" + i).withOwnerEmail("owner@race.example").build(),
                OwnerEmailTakenException.class);
    }

    @Test
    void updateCanChangeTheClientKeyAndOwnerEmail() {
        Tenants tenants = tenants();
        Tenant tenant = activeTenant().withClientKey("old-key").withOwnerEmail("old@owner.example").build();
        tenants.add(tenant).block(TIMEOUT);
        Tenant renamed = withKeyAndOwner(tenant, ClientKey.of("new-key"), EmailAddress.of("new@owner.example"));

        StepVerifier.create(tenants.update(renamed)).expectNext(renamed.storedAs(1)).expectComplete().verify(TIMEOUT);

        StepVerifier.create(tenants.findByClientKey(ClientKey.of("new-key"))).expectNext(renamed.storedAs(1))
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(tenants.findByClientKey(ClientKey.of("old-key"))).expectComplete().verify(TIMEOUT);
        // The old key and e-mail are free again.
        StepVerifier.create(tenants.add(activeTenant().withClientKey("old-key").withOwnerEmail("old@owner.example")
                .build())).expectNextCount(1).expectComplete().verify(TIMEOUT);
    }

    @Test
    void updateThatTakesAnotherTenantsOwnerEmailIsRejectedAndChangesNothing() {
        Tenants tenants = tenants();
        Tenant first = activeTenant().build();
        Tenant second = pendingTenant().build();
        tenants.add(first).block(TIMEOUT);
        tenants.add(second).block(TIMEOUT);
        Tenant stealing = withKeyAndOwner(second.confirm(), second.clientKey(), first.owner().email());

        StepVerifier.create(tenants.update(stealing)).expectError(OwnerEmailTakenException.class).verify(TIMEOUT);

        StepVerifier.create(tenants.findById(second.id())).expectNext(second).expectComplete().verify(TIMEOUT);
        StepVerifier.create(tenants.findById(first.id())).expectNext(first).expectComplete().verify(TIMEOUT);
    }

    @Test
    void updateThatTakesAnotherTenantsClientKeyIsRejectedAndChangesNothing() {
        Tenants tenants = tenants();
        Tenant first = activeTenant().build();
        Tenant second = pendingTenant().build();
        tenants.add(first).block(TIMEOUT);
        tenants.add(second).block(TIMEOUT);
        Tenant stealing = withKeyAndOwner(second.confirm(), first.clientKey(), second.owner().email());

        StepVerifier.create(tenants.update(stealing)).expectError(ClientKeyTakenException.class).verify(TIMEOUT);

        StepVerifier.create(tenants.findById(second.id())).expectNext(second).expectComplete().verify(TIMEOUT);
        StepVerifier.create(tenants.findByClientKey(first.clientKey())).expectNext(first).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aNewTenantIsAtVersionZeroAndEachUpdateCountsOne() {
        Tenants tenants = tenants();
        Tenant tenant = tenants.add(pendingTenant().build()).block(TIMEOUT);
        assertThat(tenant.version()).isZero();

        Tenant confirmed = tenants.update(tenant.confirm()).block(TIMEOUT);
        Tenant suspended = tenants.update(confirmed.suspend("Paused by the platform")).block(TIMEOUT);

        assertThat(confirmed.version()).isEqualTo(1);
        assertThat(suspended.version()).isEqualTo(2);
        StepVerifier.create(tenants.findById(tenant.id())).expectNext(suspended).expectComplete().verify(TIMEOUT);
    }

    @Test
    void anUpdateBasedOnAStateSomeoneElseChangedIsRefusedAndChangesNothing() {
        Tenants tenants = tenants();
        Tenant read = tenants.add(pendingTenant().build()).block(TIMEOUT);
        Tenant theirs = tenants.update(read.confirm()).block(TIMEOUT);

        StepVerifier.create(tenants.update(read.withAllowedOrigins(AllowedOrigins.parse(List.of("https://mine.example")))))
                .expectError(TenantChangedConcurrentlyException.class)
                .verify(TIMEOUT);

        StepVerifier.create(tenants.findById(read.id())).expectNext(theirs).expectComplete().verify(TIMEOUT);
    }

    @Test
    void ofConcurrentUpdatesBasedOnOneStateExactlyOneIsStored() {
        Tenants tenants = tenants();
        Tenant read = tenants.add(pendingTenant().build()).block(TIMEOUT);
        AtomicInteger refused = new AtomicInteger();

        List<Tenant> stored = Flux.range(0, 8)
                .flatMap(i -> tenants.update(read.withAllowedOrigins(
                                AllowedOrigins.parse(List.of("https://edit-" + i + ".example"))))
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(TenantChangedConcurrentlyException.class, e -> {
                            refused.incrementAndGet();
                            return Mono.<Tenant>empty();
                        }))
                .collectList()
                .block(TIMEOUT);

        assertThat(stored).hasSize(1);
        assertThat(refused).hasValue(7);
        StepVerifier.create(tenants.findById(read.id())).expectNext(stored.get(0)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void updatingATenantThatWasNeverAddedFails() {
        StepVerifier.create(tenants().update(activeTenant().build()))
                .expectError(TenantNotFoundException.class)
                .verify(TIMEOUT);
    }

    @Test
    void updatingATenantThatWasNeverAddedStoresNothing() {
        Tenants tenants = tenants();
        Tenant never = activeTenant().build();

        StepVerifier.create(tenants.update(never)).expectError(TenantNotFoundException.class).verify(TIMEOUT);

        StepVerifier.create(tenants.findById(never.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(tenants.findByClientKey(never.clientKey())).expectComplete().verify(TIMEOUT);
    }

    /** Adds eight tenants at once from several threads; exactly one is stored and seven are rejected as taken. */
    @Test
    void tenantIsFoundByItsOwnersEmail() {
        Tenants tenants = tenants();
        Tenant tenant = tenants.add(pendingTenant().withOwnerEmail("Owner@Bakery.example").build()).block(TIMEOUT);

        StepVerifier.create(tenants.findByOwnerEmail(EmailAddress.of("owner@bakery.example"))).expectNext(tenant)
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(tenants.findByOwnerEmail(EmailAddress.of("other@bakery.example")))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void anUpdateKeepsTheOwnersNewPasswordRevocationAndTheSuspensionReason() {
        Tenants tenants = tenants();
        Tenant tenant = tenants.add(activeTenant().build()).block(TIMEOUT);
        Tenant changed = tenant.withOwner(tenant.owner().withPassword(new PasswordHash("$2a$12$" + "n".repeat(53)),
                java.time.Instant.parse("2026-11-27T10:00:00.5Z"))).suspend("Unpaid since October.\nCall us.");

        Tenant stored = tenants.update(changed).block(TIMEOUT);

        StepVerifier.create(tenants.findById(tenant.id())).assertNext(found -> {
            assertThat(found).isEqualTo(stored);
            assertThat(found.owner().sessionsValidFrom()).isEqualTo(java.time.Instant.parse("2026-11-27T10:00:01Z"));
            assertThat(found.suspensionReason()).hasValue("Unpaid since October.\nCall us.");
        }).expectComplete().verify(TIMEOUT);
        StepVerifier.create(tenants.update(stored.reactivate()).then(tenants.findById(tenant.id())))
                .assertNext(found -> assertThat(found.suspensionReason()).isEmpty()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void whetherTheOwnerVerifiedTheirAddressIsStoredAsItIs() {
        Tenants tenants = tenants();
        Tenant unverified = tenants.add(pendingTenant().build()).block(TIMEOUT);
        Tenant verified = activeTenant().build();
        verified = tenants.add(verified.withOwner(verified.owner().verifyEmail())).block(TIMEOUT);

        StepVerifier.create(tenants.findById(unverified.id()))
                .assertNext(found -> assertThat(found.owner().emailVerified()).isFalse()).expectComplete().verify(TIMEOUT);
        StepVerifier.create(tenants.findByOwnerEmail(verified.owner().email()))
                .assertNext(found -> assertThat(found.owner().emailVerified()).isTrue()).expectComplete().verify(TIMEOUT);

        Tenant nowVerified = tenants.update(unverified.withOwner(unverified.owner().verifyEmail())).block(TIMEOUT);

        StepVerifier.create(tenants.findById(unverified.id())).assertNext(found -> {
            assertThat(found).isEqualTo(nowVerified);
            assertThat(found.owner().emailVerified()).isTrue();
        }).expectComplete().verify(TIMEOUT);
    }

    @Test
    void listingPagesNewestSignUpFirstWithOriginsAndFiltersByStatus() {
        Tenants tenants = tenants();
        java.time.Instant start = java.time.Instant.parse("2026-11-01T00:00:00Z");
        List<Tenant> added = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Tenant tenant = signedUpAt(pendingTenant().withOrigin("https://shop" + i + ".example").build(),
                    start.plusSeconds(i));
            added.add(tenants.add(i % 2 == 0 ? tenant.confirm() : tenant).block(TIMEOUT));
        }

        assertThat(tenants.list(null, 0, 2).collectList().block(TIMEOUT)).containsExactly(added.get(4), added.get(3));
        assertThat(tenants.list(null, 2, 2).collectList().block(TIMEOUT)).containsExactly(added.get(2), added.get(1));
        assertThat(tenants.list(null, 4, 2).collectList().block(TIMEOUT)).containsExactly(added.get(0));
        assertThat(tenants.list(null, 5, 2).collectList().block(TIMEOUT)).isEmpty();
        assertThat(tenants.list(TenantStatus.ACTIVE, 0, 10).collectList().block(TIMEOUT))
                .containsExactly(added.get(4), added.get(2), added.get(0));
        assertThat(tenants.list(TenantStatus.SUSPENDED, 0, 10).collectList().block(TIMEOUT)).isEmpty();
        assertThat(tenants.count(null).block(TIMEOUT)).isEqualTo(5);
        assertThat(tenants.count(TenantStatus.PENDING).block(TIMEOUT)).isEqualTo(2);
        assertThat(tenants.count(TenantStatus.SUSPENDED).block(TIMEOUT)).isZero();
    }

    @Test
    void tenantsSignedUpAtTheSameMomentArePagedWithoutOverlapOrGap() {
        Tenants tenants = tenants();
        java.time.Instant same = java.time.Instant.parse("2026-11-01T00:00:00Z");
        List<Tenant> added = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            added.add(tenants.add(signedUpAt(pendingTenant().build(), same)).block(TIMEOUT));
        }

        List<Tenant> paged = Flux.concat(tenants.list(null, 0, 4), tenants.list(null, 4, 4)).collectList().block(TIMEOUT);

        assertThat(paged).containsExactlyInAnyOrderElementsOf(added);
    }

    @Test
    void listingRefusesAnOffsetOrLimitOutOfRange() {
        Tenants tenants = tenants();

        StepVerifier.create(tenants.list(null, -1, 10)).expectError(IllegalArgumentException.class).verify(TIMEOUT);
        StepVerifier.create(tenants.list(null, 0, 0)).expectError(IllegalArgumentException.class).verify(TIMEOUT);
        StepVerifier.create(tenants.list(null, 0, 1_001)).expectError(IllegalArgumentException.class).verify(TIMEOUT);
    }

    private static Tenant signedUpAt(Tenant tenant, java.time.Instant at) {
        return Tenant.reconstitute(tenant.id(), tenant.clientKey(), tenant.owner(), tenant.displayName(),
                tenant.status(), tenant.suspensionReason().orElse(null), tenant.branding(), tenant.assistant(),
                tenant.allowedOrigins(), tenant.appointmentsEnabled(), tenant.timeZone(), at, tenant.version());
    }

    private void assertExactlyOneWins(IntFunction<Tenant> contender, Class<? extends Throwable> taken) {
        Tenants tenants = tenants();
        AtomicInteger rejected = new AtomicInteger();

        List<Tenant> stored = Flux.range(0, 8)
                .flatMap(i -> tenants.add(contender.apply(i))
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(taken, e -> {
                            rejected.incrementAndGet();
                            return Mono.<Tenant>empty();
                        }))
                .collectList()
                .block(TIMEOUT);

        assertThat(stored).hasSize(1);
        assertThat(rejected).hasValue(7);
    }

    /** The same tenant under another client key and owner e-mail; the domain offers no such change yet. */
    protected static Tenant withKeyAndOwner(Tenant tenant, ClientKey clientKey, EmailAddress email) {
        return Tenant.reconstitute(tenant.id(), clientKey,
                new Owner(email, tenant.owner().passwordHash(), tenant.owner().sessionsValidFrom(),
                        tenant.owner().emailVerified()),
                tenant.displayName(), tenant.status(), tenant.suspensionReason().orElse(null), tenant.branding(), tenant.assistant(), tenant.allowedOrigins(),
                tenant.appointmentsEnabled(), tenant.timeZone(), tenant.createdAt(), tenant.version());
    }
}
