package dev.concierge.bootstrap.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.ConfirmTenantUseCase;
import dev.concierge.application.port.in.SignUpCommand;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.service.AvailabilityService;
import dev.concierge.application.testing.InMemoryAvailabilityRules;
import dev.concierge.application.testing.InMemoryCore;
import dev.concierge.application.testing.InMemoryTenants;
import dev.concierge.bootstrap.config.ConciergeProperties;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.Origin;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.tenant.TenantStatus;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import reactor.core.publisher.Mono;

/**
 * The demo tenant is seeded once and then left alone, so instances on one database but different ports agree on it;
 * only explicitly configured origins change an existing demo.
 */
class DemoTenantSeederTest {

    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryAvailabilityRules rules = new InMemoryAvailabilityRules();
    private final SignUpTenantUseCase signUp = signUp(tenants);
    private final ConfirmTenantUseCase confirm = administration(tenants);

    private static SignUpTenantUseCase signUp(Tenants store) {
        return new InMemoryCore(store, Clock.systemUTC()).signUp;
    }

    private static ConfirmTenantUseCase administration(Tenants store) {
        return new InMemoryCore(store, Clock.systemUTC()).administration;
    }

    private DemoTenantSeeder seeder(Tenants store, String... origins) {
        return new DemoTenantSeeder(store, signUp(store), administration(store), new AvailabilityService(rules),
                new ConciergeProperties.Demo(true, List.of(origins)), new MockEnvironment());
    }

    private DemoTenantSeeder seeder(String... origins) {
        return seeder(tenants, origins);
    }

    private static List<String> origins(Tenant tenant) {
        return tenant.allowedOrigins().values().stream().map(Origin::value).toList();
    }

    private Tenant stored() {
        return tenants.findByClientKey(DemoTenantSeeder.DEMO_KEY).block();
    }

    @Test
    void missingDemoIsCreatedActiveForThisServersLocalOrigins() {
        Tenant demo = seeder().seed(8080).block();

        assertThat(demo.status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(origins(stored())).containsExactly("http://localhost:8080", "http://127.0.0.1:8080");
    }

    @Test
    void theDemoTakesAppointmentsOnWeekdaysInBerlinTimeAndIsNotSeededTwice() {
        Tenant demo = seeder().seed(8080).block();
        seeder().seed(8080).block();

        assertThat(stored().appointmentsEnabled()).isTrue();
        assertThat(stored().timeZone()).isEqualTo(DemoTenantSeeder.DEMO_ZONE);
        var weekly = rules.list(demo.id()).collectList().block();
        assertThat(weekly).hasSize(5 * 16)
                .allSatisfy(rule -> assertThat(rule.recurrence().name()).isEqualTo("WEEKLY"))
                .extracting(rule -> rule.startDate().getDayOfWeek().getValue()).containsOnly(1, 2, 3, 4, 5);
        assertThat(weekly).extracting(rule -> rule.startTime().toString()).contains("09:00", "16:30")
                .doesNotContain("17:00");
    }

    @Test
    void anotherInstanceOnAnotherPortLeavesTheDemosOriginsAlone() {
        seeder().seed(8080).block();
        TenantId first = stored().id();

        seeder().seed(9090).block();

        assertThat(stored().id()).isEqualTo(first);
        assertThat(origins(stored())).containsExactly("http://localhost:8080", "http://127.0.0.1:8080");
    }

    @Test
    void configuredOriginsAreUsedWhenTheDemoIsCreated() {
        seeder("https://demo.example", "http://localhost:3000").seed(8080).block();

        assertThat(origins(stored())).containsExactly("https://demo.example", "http://localhost:3000");
    }

    @Test
    void configuredOriginsReplaceThoseOfAnExistingDemo() {
        seeder().seed(8080).block();

        Tenant demo = seeder("https://demo.example").seed(9090).block();

        assertThat(origins(demo)).containsExactly("https://demo.example");
        assertThat(origins(stored())).containsExactly("https://demo.example");
        assertThat(stored().status()).isEqualTo(TenantStatus.ACTIVE);
    }

    @Test
    void demoLeftPendingByAnInterruptedStartIsConfirmed() {
        signUp.signUp(SignUpCommand.of("demo@example.com", "Pending42x", "Concierge Demo Shop", "demo",
                List.of("http://localhost:8080")), ClientAddress.INTERNAL).block();

        seeder().seed(9090).block();

        assertThat(stored().status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(origins(stored())).containsExactly("http://localhost:8080");
    }

    @Test
    void instanceThatLosesTheRaceToCreateTheDemoAdoptsTheWinners() {
        // Another instance creates the demo between this instance's lookup and its sign-up.
        AtomicBoolean firstLookup = new AtomicBoolean(true);
        Tenants racing = new Tenants() {
            @Override
            public Mono<Tenant> add(Tenant tenant) {
                return tenants.add(tenant);
            }

            @Override
            public Mono<Tenant> update(Tenant tenant) {
                return tenants.update(tenant);
            }

            @Override
            public Mono<Tenant> findById(TenantId id) {
                return tenants.findById(id);
            }

            @Override
            public Mono<Tenant> findByOwnerEmail(dev.concierge.domain.tenant.EmailAddress email) {
                return tenants.findByOwnerEmail(email);
            }

            @Override
            public reactor.core.publisher.Flux<Tenant> list(TenantStatus status, long offset, int limit) {
                return tenants.list(status, offset, limit);
            }

            @Override
            public Mono<Long> count(TenantStatus status) {
                return tenants.count(status);
            }

            @Override
            public Mono<Tenant> findByClientKey(ClientKey clientKey) {
                if (firstLookup.getAndSet(false)) {
                    return seeder().seed(8080).then(Mono.empty());
                }
                return tenants.findByClientKey(clientKey);
            }
        };

        Tenant demo = seeder(racing).seed(9090).block();

        assertThat(demo.id()).isEqualTo(stored().id());
        assertThat(origins(demo)).containsExactly("http://localhost:8080", "http://127.0.0.1:8080");
    }

    @Test
    void blankConfiguredOriginsCountAsNotSet() {
        ConciergeProperties.Demo settings = new ConciergeProperties.Demo(true, List.of(" ", ""));

        assertThat(settings.originsSet()).isFalse();
    }
}
