package dev.concierge.adapter.web.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.web.TestWebApplication;
import dev.concierge.adapter.web.account.AccountTestServices;
import dev.concierge.adapter.web.account.AccountWebConfiguration;
import dev.concierge.application.port.out.MailStatus;
import dev.concierge.application.port.out.OutboxEntry;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantFixtures;
import dev.concierge.domain.tenant.TenantStatus;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class AdminEndpointsTest {

    private final AccountTestServices services = new AccountTestServices();
    private final WebTestClient client = TestWebApplication.start(services::register, AccountWebConfiguration.class,
            AdminWebConfiguration.class, AdminMailWebConfiguration.class);
    private final Tenant pending = services.add(TenantFixtures.pendingTenant().build());
    private final String admin = adminToken();

    private String adminToken() {
        Map<?, ?> session = client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", AccountTestServices.ADMIN_EMAIL, "password",
                        AccountTestServices.ADMIN_PASSWORD))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(session.get("role")).isEqualTo("ADMIN");
        assertThat(session.get("tenantId")).isNull();
        return session.get("token").toString();
    }

    @Test
    void theAdminListsTenantsByStatusWithoutSecrets() {
        services.add(TenantFixtures.activeTenant().build());

        client.get().uri("/api/v1/admin/tenants?status=pending&size=10").headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.size").isEqualTo(10)
                .jsonPath("$.items[0].id").isEqualTo(pending.id().toString())
                .jsonPath("$.items[0].status").isEqualTo("PENDING")
                .jsonPath("$.items[0].ownerEmailVerified").isEqualTo(false)
                .jsonPath("$.items[0].passwordHash").doesNotExist()
                .jsonPath("$.items[0].systemPrompt").doesNotExist();
        client.get().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectBody().jsonPath("$.total").isEqualTo(2).jsonPath("$.page").isEqualTo(0);
    }

    @Test
    void badListingParametersAreNamed() {
        client.get().uri("/api/v1/admin/tenants?status=gone&page=x&size=1000").headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields ->
                        assertThat((java.util.List<String>) fields).containsExactly("status", "page"));
        client.get().uri("/api/v1/admin/tenants?page=99999999999").headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].message").isEqualTo("must be between 0 and 1000000");
        client.get().uri("/api/v1/admin/tenants?size=1000").headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("size");
    }

    @Test
    void theAdminConfirmsSuspendsWithAReasonAndReactivates() {
        String base = "/api/v1/admin/tenants/" + pending.id();

        client.post().uri(base + "/confirm").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        client.post().uri(base + "/suspend").headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\": \"Unpaid invoice\"}").exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("SUSPENDED")
                .jsonPath("$.suspensionReason").isEqualTo("Unpaid invoice");
        client.post().uri(base + "/confirm").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isEqualTo(409);
        client.post().uri(base + "/reactivate").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        assertThat(services.tenants.findById(pending.id()).block().status()).isEqualTo(TenantStatus.ACTIVE);
        assertThat(services.mail.take()).as("the owner hears of the confirmation once").singleElement()
                .satisfies(mail -> assertThat(mail.to()).isEqualTo(pending.owner().email()));
    }

    @Test
    void theAdminSeesGivenUpMailWithoutBodiesAndSendsItAgain() {
        client.post().uri("/api/v1/admin/tenants/" + pending.id() + "/confirm").headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isOk();
        OutboxEntry queued = services.mail.outbox.list(null, null, 0, 10).blockFirst();
        services.mail.outbox.claimDue(services.clock.instant(), Duration.ofMinutes(1), 10).blockLast();
        services.mail.outbox.markFailed(queued.id(), "550 mailbox unavailable").block();

        client.get().uri("/api/v1/admin/mail?status=failed").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].id").isEqualTo(queued.id().toString())
                .jsonPath("$.items[0].to").isEqualTo(pending.owner().email().value())
                .jsonPath("$.items[0].tenantId").isEqualTo(pending.id().toString())
                .jsonPath("$.items[0].lastError").isEqualTo("550 mailbox unavailable")
                .jsonPath("$.items[0].attempts").isEqualTo(1)
                .jsonPath("$.items[0].text").doesNotExist()
                .jsonPath("$.items[0].html").doesNotExist();

        client.post().uri("/api/v1/admin/mail/" + queued.id() + "/retry").headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isNoContent();
        assertThat(services.mail.outbox.findById(queued.id()).block().status()).isEqualTo(MailStatus.PENDING);
        client.post().uri("/api/v1/admin/mail/" + queued.id() + "/retry").headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isEqualTo(409);
        client.post().uri("/api/v1/admin/mail/" + java.util.UUID.randomUUID() + "/retry")
                .headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isNotFound();
        client.post().uri("/api/v1/admin/mail/not-an-id/retry").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isNotFound();
        client.get().uri("/api/v1/admin/mail?status=lost&size=0").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[*].field").value(fields ->
                        assertThat((java.util.List<String>) fields).containsExactly("status"));
        client.get().uri("/api/v1/admin/mail").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void aSuspensionWithoutAReasonIsRefused() {
        client.post().uri("/api/v1/admin/tenants/" + pending.id() + "/suspend").headers(h -> h.setBearerAuth(admin))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");
    }

    @Test
    void unknownAndMalformedTenantIdsAreNotFound() {
        client.post().uri("/api/v1/admin/tenants/" + java.util.UUID.randomUUID() + "/confirm")
                .headers(h -> h.setBearerAuth(admin)).exchange().expectStatus().isNotFound();
        client.post().uri("/api/v1/admin/tenants/not-an-id/confirm").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void adminRoutesNeedAnAdminSession() {
        client.get().uri("/api/v1/admin/tenants").exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/v1/admin/tenants/" + pending.id() + "/confirm").exchange()
                .expectStatus().isUnauthorized();
        assertThat(services.tenants.findById(pending.id()).block().status()).isEqualTo(TenantStatus.PENDING);
        client.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isForbidden();
    }
}
