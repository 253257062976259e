package dev.concierge.adapter.web.recovery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.web.TestWebApplication;
import dev.concierge.adapter.web.account.AccountTestServices;
import dev.concierge.adapter.web.account.AccountWebConfiguration;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.application.testing.TestMail;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantFixtures;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

class RecoveryEndpointsTest {

    private static final String RESET = "/api/v1/auth/password-reset";

    private final AccountTestServices services = new AccountTestServices();
    private final WebTestClient client = TestWebApplication.start(services::register, AccountWebConfiguration.class,
            RecoveryWebConfiguration.class);
    private final Tenant owner = services.add(TenantFixtures.activeTenant().build());

    private EntityExchangeResult<byte[]> requestReset(String email) {
        return client.post().uri(RESET).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email)).exchange()
                .expectStatus().isAccepted()
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectBody().returnResult();
    }

    private String mailedToken() {
        OutgoingMail mail = services.mail.take().get(0);
        return TestMail.token(mail);
    }

    @Test
    void knownAndUnknownAddressesGetByteIdenticalAnswers() {
        EntityExchangeResult<byte[]> known = requestReset(owner.owner().email().value());
        EntityExchangeResult<byte[]> unknown = requestReset("nobody@nowhere.example");

        assertThat(known.getResponseBody()).isEqualTo(unknown.getResponseBody());
        assertThat(known.getResponseHeaders().getContentType())
                .isEqualTo(unknown.getResponseHeaders().getContentType());
        assertThat(new String(known.getResponseBody())).contains("If an account uses this address");
        assertThat(services.mail.take()).hasSize(1);
    }

    @Test
    void theMailedTokenIsCheckedAndSetsTheNewPasswordOnce() {
        requestReset(owner.owner().email().value());
        String token = mailedToken();

        client.get().uri(RESET + "/" + token).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectBody().jsonPath("$.valid").isEqualTo(true);
        client.post().uri(RESET + "/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "newPassword", "Moonrise43")).exchange()
                .expectStatus().isNoContent()
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");

        client.get().uri(RESET + "/" + token).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.valid").isEqualTo(false);
        client.post().uri(RESET + "/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "newPassword", "Starlight44")).exchange()
                .expectStatus().isEqualTo(410)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("This link is invalid, was already used, or has expired.");
        client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", owner.owner().email().value(), "password", "Moonrise43")).exchange()
                .expectStatus().isOk();
    }

    @Test
    void anExpiredTokenIsGone() {
        requestReset(owner.owner().email().value());
        String token = mailedToken();
        services.clock.advance(Duration.ofHours(1).plusSeconds(1));

        client.post().uri(RESET + "/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "newPassword", "Moonrise43")).exchange()
                .expectStatus().isEqualTo(410);
    }

    @Test
    void badInputIsNamed() {
        client.post().uri(RESET).contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("email", "not-an-address"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        client.post().uri(RESET).contentType(MediaType.APPLICATION_JSON).bodyValue("{}")
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("email");
        client.post().uri(RESET + "/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("newPassword", "weak")).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields ->
                        assertThat((java.util.List<String>) fields).containsExactly("token", "newPassword"));
        client.post().uri(RESET + "/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"token\": [1], \"newPassword\": \"Moonrise43\"}").exchange()
                .expectStatus().isBadRequest();
        client.post().uri("/api/v1/auth/email-verification/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("token");
        client.get().uri(RESET + "/" + "A".repeat(2000)).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.valid").isEqualTo(false);
    }

    @Test
    void aWeakNewPasswordLeavesTheTokenUsable() {
        requestReset(owner.owner().email().value());
        String token = mailedToken();

        client.post().uri(RESET + "/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "newPassword", "password")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("newPassword");
        client.get().uri(RESET + "/" + token).exchange().expectBody().jsonPath("$.valid").isEqualTo(true);
    }

    @Test
    void theVerificationLinkVerifiesTheAddressOnceAndAnOwnerCanAskForANewOne() {
        Tenant pending = services.add(TenantFixtures.pendingTenant().withClientKey("new-shop")
                .withOwnerEmail("new@shop.example").build());
        String session = client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "new@shop.example", "password", AccountTestServices.PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("token").toString();

        client.post().uri("/api/v1/tenant/email-verification").headers(h -> h.setBearerAuth(session)).exchange()
                .expectStatus().isAccepted();
        String token = mailedToken();
        client.post().uri("/api/v1/auth/email-verification/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token)).exchange().expectStatus().isNoContent()
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer");

        assertThat(services.tenants.findById(pending.id()).block().owner().emailVerified()).isTrue();
        client.post().uri("/api/v1/auth/email-verification/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token)).exchange().expectStatus().isEqualTo(410);
        client.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(session)).exchange()
                .expectBody().jsonPath("$.ownerEmailVerified").isEqualTo(true);
        client.post().uri("/api/v1/tenant/email-verification").exchange().expectStatus().isUnauthorized();
    }
}
