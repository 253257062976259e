package dev.concierge.application.service;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.LoadWidgetUseCase;
import dev.concierge.application.port.in.PublishedWidget;
import dev.concierge.application.testing.InMemoryTenants;
import dev.concierge.application.testing.InMemoryTransactions;
import dev.concierge.application.testing.RecordingSecurityEvents;
import dev.concierge.application.testing.TestClock;
import dev.concierge.application.testing.TestMail;
import dev.concierge.domain.tenant.AllowedOrigins;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantNotFoundException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class CachedLoadWidgetServiceTest {

    private static final Duration TTL = Duration.ofSeconds(5);

    private final InMemoryTenants tenants = new InMemoryTenants();
    private final AtomicInteger loads = new AtomicInteger();
    private final LoadWidgetUseCase counting = key -> Mono.defer(() -> {
        loads.incrementAndGet();
        return new LoadWidgetService(tenants).load(key);
    });
    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final CachedLoadWidgetService cache = new CachedLoadWidgetService(counting, clock, TTL, 100);

    private final Tenant shop = tenants.add(activeTenant().withClientKey("open-shop").build()).block();

    @Test
    void servesRepeatedRequestsFromOneLoadUntilTheTimeToLiveEnds() {
        for (int i = 0; i < 5; i++) {
            StepVerifier.create(cache.load(shop.clientKey())).expectNext(PublishedWidget.of(shop)).verifyComplete();
        }
        assertThat(loads).hasValue(1);

        clock.advance(TTL);
        StepVerifier.create(cache.load(shop.clientKey())).expectNext(PublishedWidget.of(shop)).verifyComplete();
        assertThat(loads).hasValue(2);
    }

    @Test
    void aChangeStoredThroughThisInstanceIsServedAtOnce() {
        cache.load(shop.clientKey()).block();
        Tenant changed = tenants.update(shop.withAllowedOrigins(AllowedOrigins.parse(List.of("https://new.example"))))
                .block();
        StepVerifier.create(cache.load(shop.clientKey())).expectNext(PublishedWidget.of(shop)).verifyComplete();

        cache.changed(changed);

        StepVerifier.create(cache.load(shop.clientKey())).expectNext(PublishedWidget.of(changed)).verifyComplete();
    }

    @Test
    void unknownKeysAreRememberedAsUnknownForTheTimeToLive() {
        ClientKey unknown = ClientKey.of("no-such-shop");
        for (int i = 0; i < 3; i++) {
            StepVerifier.create(cache.load(unknown)).expectError(TenantNotFoundException.class).verify();
        }
        assertThat(loads).hasValue(1);

        clock.advance(TTL);
        StepVerifier.create(cache.load(unknown)).expectError(TenantNotFoundException.class).verify();
        assertThat(loads).hasValue(2);
    }

    @Test
    void aTenantReactivatedThroughThisInstanceStopsBeingUnknownAtOnce() {
        Tenant pending = tenants.add(activeTenant().withClientKey("soon-open").build().suspend("Paused by the platform")).block();
        StepVerifier.create(cache.load(pending.clientKey())).expectError(TenantNotFoundException.class).verify();

        TestMail mail = new TestMail(clock);
        new TenantAdministrationService(tenants, cache, new RecordingSecurityEvents(), new InMemoryTransactions(),
                mail.mailer, mail.links, clock)
                .reactivate(pending.id(), ClientAddress.INTERNAL).block();

        StepVerifier.create(cache.load(pending.clientKey())).expectNextCount(1).verifyComplete();
    }

    @Test
    void failuresOfTheStoreAreNotCached() {
        AtomicInteger attempts = new AtomicInteger();
        CachedLoadWidgetService flaky = new CachedLoadWidgetService(
                key -> Mono.defer(() -> attempts.incrementAndGet() == 1
                        ? Mono.error(new IllegalStateException("database unreachable"))
                        : new LoadWidgetService(tenants).load(key)),
                clock, TTL, 100);

        StepVerifier.create(flaky.load(shop.clientKey())).expectError(IllegalStateException.class).verify();
        StepVerifier.create(flaky.load(shop.clientKey())).expectNextCount(1).verifyComplete();
        assertThat(attempts).hasValue(2);
    }

    @Test
    void holdsNoMoreEntriesThanItsLimitWhateverKeysAreAskedFor() {
        CachedLoadWidgetService small = new CachedLoadWidgetService(counting, clock, TTL, 10);

        for (int i = 0; i < 200; i++) {
            small.load(ClientKey.of("made-up-" + i)).onErrorResume(TenantNotFoundException.class, e -> Mono.empty())
                    .block();
            assertThat(small.size()).isLessThanOrEqualTo(10);
        }
        StepVerifier.create(small.load(shop.clientKey())).expectNextCount(1).verifyComplete();
    }

    @Test
    void concurrentRequestsForAnUncachedKeyShareOneLoad() {
        CachedLoadWidgetService slowSource = new CachedLoadWidgetService(
                key -> Mono.delay(Duration.ofMillis(50)).then(counting.load(key)), clock, TTL, 100);

        List<PublishedWidget> answers = Flux.range(0, 16)
                .flatMap(i -> slowSource.load(shop.clientKey()).subscribeOn(Schedulers.parallel()))
                .collectList()
                .block(Duration.ofSeconds(5));

        assertThat(answers).hasSize(16);
        assertThat(loads).hasValue(1);
    }

    @Test
    void manyConcurrentFirstRequestsForFreshKeysAllGetTheirAnswer() {
        for (int round = 0; round < 50; round++) {
            Tenant fresh = tenants.add(activeTenant().withClientKey("fresh-" + round).build()).block();
            List<PublishedWidget> answers = Flux.range(0, 8)
                    .flatMap(i -> cache.load(fresh.clientKey()).subscribeOn(Schedulers.parallel()))
                    .collectList()
                    .block(Duration.ofSeconds(5));

            assertThat(answers).hasSize(8).containsOnly(PublishedWidget.of(fresh));
        }
    }
}
