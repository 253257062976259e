package dev.concierge.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.in.SignUpCommand;
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
    private final SignUpTenantService service =
            new SignUpTenantService(tenants, hasher, Clock.fixed(NOW, ZoneOffset.UTC));

    private static SignUpCommand command(String clientKey, String email) {
        return SignUpCommand.of(email, "Sunrise42", "Corner Bakery", clientKey, List.of("https://bakery.example"));
    }

    @Test
    void newTenantIsPendingWithHashedPasswordAndStored() {
        StepVerifier.create(service.signUp(command("corner-bakery", "owner@bakery.example")))
                .assertNext(tenant -> {
                    assertThat(tenant.status()).isEqualTo(TenantStatus.PENDING);
                    assertThat(tenant.createdAt()).isEqualTo(NOW);
                    assertThat(tenant.owner().passwordHash().value()).doesNotContain("Sunrise42");
                    assertThat(hasher.matches("Sunrise42", tenant.owner().passwordHash()).block()).isTrue();
                    assertThat(tenants.findById(tenant.id()).block()).isEqualTo(tenant);
                })
                .verifyComplete();
    }

    @Test
    void takenClientKeyOrEmailIsAConflict() {
        service.signUp(command("corner-bakery", "owner@bakery.example")).block();

        StepVerifier.create(service.signUp(command("corner-bakery", "second@bakery.example")))
                .expectError(ClientKeyTakenException.class).verify();
        StepVerifier.create(service.signUp(command("another-bakery", "OWNER@bakery.example")))
                .expectError(OwnerEmailTakenException.class).verify();
    }

    @Test
    void aDisplayNameAsLongAsAllowedBecomesTheTitle() {
        String longest = "B".repeat(DisplayName.MAX_LENGTH);
        SignUpCommand command = SignUpCommand.of("owner@bakery.example", "Sunrise42", longest, "long-name",
                List.of("https://bakery.example"));

        StepVerifier.create(service.signUp(command))
                .assertNext(tenant -> assertThat(tenant.branding().title()).isEqualTo(longest))
                .verifyComplete();
    }
}
