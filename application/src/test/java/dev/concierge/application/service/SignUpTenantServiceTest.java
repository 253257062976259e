package dev.concierge.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.SignUpCommand;
import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.testing.InMemoryAttemptCounters;
import dev.concierge.application.testing.RecordingSecurityEvents;
import dev.concierge.domain.account.PasswordCandidate;
import dev.concierge.domain.account.TooManyAttemptsException;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.TenantFixtures;
import java.util.Optional;
import dev.concierge.application.testing.InMemoryPasswordHasher;
import dev.concierge.application.testing.InMemoryTenants;
import dev.concierge.domain.tenant.ClientKeyTakenException;
import dev.concierge.domain.tenant.DisplayName;
import dev.concierge.domain.tenant.OwnerEmailTakenException;
import dev.concierge.domain.tenant.TenantStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class SignUpTenantServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");

    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryPasswordHasher hasher = new InMemoryPasswordHasher();
    private final RecordingSecurityEvents events = new RecordingSecurityEvents();
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private final SignInProtection protection =
            new SignInProtection(new InMemoryAttemptCounters(), SignInLimits.defaults(), events);
    private final SignUpTenantService service = new SignUpTenantService(tenants, hasher, protection, events,
            Optional.of(new PlatformAdmin(EmailAddress.of("admin@platform.example"), TenantFixtures.SOME_HASH)), clock);
    private final ClientAddress from = new ClientAddress("203.0.113.7");

    private static SignUpCommand command(String clientKey, String email) {
        return SignUpCommand.of(email, "Sunrise42", "Corner Bakery", clientKey, List.of("https://bakery.example"));
    }

    @Test
    void newTenantIsPendingWithHashedPasswordAndStored() {
        StepVerifier.create(service.signUp(command("corner-bakery", "owner@bakery.example"), from))
                .assertNext(tenant -> {
                    assertThat(tenant.status()).isEqualTo(TenantStatus.PENDING);
                    assertThat(tenant.createdAt()).isEqualTo(NOW);
                    assertThat(tenant.owner().passwordHash().value()).doesNotContain("Sunrise42");
                    assertThat(hasher.matches(PasswordCandidate.of("Sunrise42"), tenant.owner().passwordHash()).block()).isTrue();
                    assertThat(tenants.findById(tenant.id()).block()).isEqualTo(tenant);
                    assertThat(events.types()).containsExactly(SecurityEvent.Type.SIGN_UP);
                    assertThat(events.recorded().get(0).address()).isEqualTo("203.0.113.7");
                })
                .verifyComplete();
    }

    @Test
    void takenClientKeyOrEmailIsAConflict() {
        service.signUp(command("corner-bakery", "owner@bakery.example"), from).block();

        StepVerifier.create(service.signUp(command("corner-bakery", "second@bakery.example"), from))
                .expectError(ClientKeyTakenException.class).verify();
        StepVerifier.create(service.signUp(command("another-bakery", "OWNER@bakery.example"), from))
                .expectError(OwnerEmailTakenException.class).verify();
    }

    @Test
    void aDisplayNameAsLongAsAllowedBecomesTheTitle() {
        String longest = "B".repeat(DisplayName.MAX_LENGTH);
        SignUpCommand command = SignUpCommand.of("owner@bakery.example", "Sunrise42", longest, "long-name",
                List.of("https://bakery.example"));

        StepVerifier.create(service.signUp(command, from))
                .assertNext(tenant -> assertThat(tenant.branding().title()).isEqualTo(longest))
                .verifyComplete();
    }

    @Test
    void thePlatformAdminsEmailIsTakenForOwners() {
        StepVerifier.create(service.signUp(command("sneaky", "Admin@Platform.example"), from))
                .expectError(OwnerEmailTakenException.class).verify();
    }

    @Test
    void oneAddressSigningUpTooOftenIsToldToWaitUntilTheWindowEnds() {
        for (int i = 0; i < SignInLimits.defaults().signUpsPerAddress().max(); i++) {
            service.signUp(command("bakery-" + i, "owner" + i + "@bakery.example"), from).block();
        }

        StepVerifier.create(service.signUp(command("one-more", "more@bakery.example"), from))
                .expectErrorSatisfies(error -> assertThat(((TooManyAttemptsException) error).retryAfter())
                        .as("the hourly window started at %s", NOW).hasValue(java.time.Duration.ofHours(1)))
                .verify();
        StepVerifier.create(service.signUp(command("elsewhere", "else@bakery.example"), new ClientAddress("198.51.100.1")))
                .expectNextCount(1).verifyComplete();
        StepVerifier.create(service.signUp(command("internal", "demo@bakery.example"), ClientAddress.INTERNAL))
                .as("the platform's own sign-ups are not limited")
                .expectNextCount(1).verifyComplete();
        assertThat(tenants.findByOwnerEmail(EmailAddress.of("more@bakery.example")).block()).isNull();
    }
}
