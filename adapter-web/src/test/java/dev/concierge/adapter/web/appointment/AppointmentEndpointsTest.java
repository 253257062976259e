package dev.concierge.adapter.web.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.web.TestWebApplication;
import dev.concierge.adapter.web.account.AccountTestServices;
import dev.concierge.adapter.web.account.AccountWebConfiguration;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantFixtures;
import dev.concierge.domain.tenant.TenantSettings;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class AppointmentEndpointsTest {

    private static final String ORIGIN = "https://bakery.example";
    private static final String SLOT = "2026-11-30T09:00:00Z";
    private static final Pattern LINK = Pattern.compile("https://concierge\\.example(/api/v1/bookings/[0-9a-f-]{36}/"
            + "(confirm|cancel)\\?token=[A-Za-z0-9_-]{43})");

    private final AccountTestServices services = new AccountTestServices();
    private final WebTestClient client = TestWebApplication.start(services::register, AccountWebConfiguration.class,
            AppointmentWebConfiguration.class);
    private final Tenant tenant = services.add(withAppointments(TenantFixtures.activeTenant().withClientKey("bakery")
            .withOrigin(ORIGIN).build()));
    private final String owner = token(tenant.owner().email().value());

    private static Tenant withAppointments(Tenant tenant) {
        TenantSettings current = tenant.settings();
        return tenant.withSettings(new TenantSettings(current.displayName(), current.branding(),
                current.systemPrompt(), current.language(), current.allowedOrigins(), true,
                ZoneId.of("Europe/Berlin")));
    }

    private String token(String email) {
        return client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", AccountTestServices.PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("token").toString();
    }

    private WebTestClient.ResponseSpec addRule(String body) {
        return client.post().uri("/api/v1/tenant/availability").headers(h -> h.setBearerAuth(owner))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec book(String start, String name, String key) {
        return client.post().uri("/api/v1/widget/bakery/bookings").header(HttpHeaders.ORIGIN, ORIGIN)
                .headers(h -> {
                    if (key != null) {
                        h.set("Idempotency-Key", key);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("start", start, "name", name, "email", "ada@example.com")).exchange();
    }

    private void mondaysAtTen() {
        addRule("{\"startDate\": \"2026-11-30\", \"startTime\": \"10:00\", \"recurrence\": \"WEEKLY\"}")
                .expectStatus().isCreated();
    }

    @Test
    void theOwnerManagesRulesAndIsToldOfClashesAndBadInput() {
        String rule = "{\"startDate\": \"2026-11-30\", \"startTime\": \"10:00\", \"recurrence\": \"WEEKLY\"}";
        Map<?, ?> created = addRule(rule).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody();
        assertThat(created.get("durationMinutes")).isEqualTo(30);
        assertThat(created.get("endDate")).isNull();
        String id = created.get("id").toString();
        addRule(rule).expectStatus().isOk().expectBody().jsonPath("$.id").isEqualTo(id);
        addRule("{\"startDate\": \"2026-12-01\", \"startTime\": \"09:45\", \"recurrence\": \"DAILY\"}")
                .expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("startTime")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains(id, "2026-12-07"));
        addRule("{\"startDate\": \"tomorrow\", \"startTime\": \"10\", \"durationMinutes\": 0, \"recurrence\": \"x\"}")
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").value(fields -> assertThat((List<String>) fields)
                        .containsExactly("startDate", "startTime", "durationMinutes", "recurrence"));

        client.get().uri("/api/v1/tenant/availability").headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.length()").isEqualTo(1);
        client.delete().uri("/api/v1/tenant/availability/" + id).headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isNoContent();
        client.delete().uri("/api/v1/tenant/availability/" + id).headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isNotFound();
        client.get().uri("/api/v1/tenant/availability").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void theWidgetListsFreeSlotsWithBothTimesAndBooksOne() {
        mondaysAtTen();

        client.get().uri("/api/v1/widget/bakery/slots?to=2026-12-01T00:00:00Z").header(HttpHeaders.ORIGIN, ORIGIN)
                .exchange().expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ORIGIN)
                .expectBody()
                .jsonPath("$.timeZone").isEqualTo("Europe/Berlin")
                .jsonPath("$.slots[0].start").isEqualTo(SLOT)
                .jsonPath("$.slots[0].localStart").isEqualTo("2026-11-30T10:00");
        book(SLOT, "Ada", null).expectStatus().isCreated()
                .expectBody().jsonPath("$.status").isEqualTo("REQUESTED").jsonPath("$.localStart")
                .isEqualTo("2026-11-30T10:00");
        book(SLOT, "Bob", null).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        book("2026-11-30T09:10:00Z", "Bob", null).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("start");
        client.get().uri("/api/v1/widget/bakery/slots?from=2026-11-30T00:00:00Z&to=2027-06-01T00:00:00Z")
                .header(HttpHeaders.ORIGIN, ORIGIN).exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("to");
    }

    @Test
    void bookingNeedsAnAllowedOriginAndThePreflightAllowsTheIdempotencyKey() {
        mondaysAtTen();
        client.post().uri("/api/v1/widget/bakery/bookings").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("start", SLOT, "name", "Eve", "email", "eve@example.com")).exchange()
                .expectStatus().isForbidden();
        client.options().uri("/api/v1/widget/bakery/bookings").header(HttpHeaders.ORIGIN, ORIGIN)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type, idempotency-key").exchange()
                .expectStatus().isNoContent()
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        headers -> assertThat(headers).containsIgnoringCase("Idempotency-Key"));
    }

    @Test
    void anIdempotencyKeyReplaysAndADifferentBodyUnderItIs422() {
        mondaysAtTen();
        String first = book(SLOT, "Ada", "k-1").expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id").toString();

        book(SLOT, "Ada", "k-1").expectStatus().isCreated().expectHeader().valueEquals("Idempotent-Replayed", "true")
                .expectBody().jsonPath("$.id").isEqualTo(first);
        book(SLOT, "Mallory", "k-1").expectStatus().isEqualTo(422)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(services.bookings.count(tenant.id(), Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"), null)
                .block()).isEqualTo(1);
    }

    @Test
    void aMailLinkShowsAPageWithAButtonAndOnlyThePostActs() {
        mondaysAtTen();
        String id = book(SLOT, "<b>Ada</b>", null).expectStatus().isCreated().expectBody(Map.class).returnResult()
                .getResponseBody().get("id").toString();
        OutgoingMail toOwner = services.mail.take().stream().filter(m -> m.to().equals(tenant.owner().email()))
                .findFirst().orElseThrow();
        Matcher links = LINK.matcher(toOwner.content().text());
        String confirm = null;
        while (links.find()) {
            if (links.group(2).equals("confirm")) {
                confirm = links.group(1);
            }
        }

        String page = client.get().uri(confirm).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("<form method=\"post\">", "&lt;b&gt;Ada&lt;/b&gt;").doesNotContain("<b>Ada");
        client.get().uri(confirm).accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("REQUESTED").jsonPath("$.action").isEqualTo("confirm");

        client.post().uri(confirm).accept(MediaType.TEXT_HTML).exchange().expectStatus().isOk()
                .expectBody(String.class).value(done -> assertThat(done).contains("Appointment confirmed"));
        client.post().uri(confirm).accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isEqualTo(410);
        client.get().uri("/api/v1/tenant/bookings?status=confirmed").headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isOk().expectBody().jsonPath("$.total").isEqualTo(1).jsonPath("$.items[0].id")
                .isEqualTo(id);
        client.get().uri("/api/v1/bookings/" + id + "/confirm?token=" + "x".repeat(43)).exchange()
                .expectStatus().isEqualTo(410);
        client.get().uri("/api/v1/bookings/" + id + "/delete?token=" + "x".repeat(43)).exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void theOwnerCancelsAndTheSlotIsFreeAgain() {
        mondaysAtTen();
        String id = book(SLOT, "Ada", null).expectBody(Map.class).returnResult().getResponseBody().get("id")
                .toString();

        client.post().uri("/api/v1/tenant/bookings/" + id + "/cancel").headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("CANCELLED");

        client.get().uri("/api/v1/widget/bakery/slots?to=2026-12-01T00:00:00Z").header(HttpHeaders.ORIGIN, ORIGIN)
                .exchange().expectBody().jsonPath("$.slots[0].start").isEqualTo(SLOT);
        client.post().uri("/api/v1/tenant/bookings/" + id + "/confirm").headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isEqualTo(409);
        client.post().uri("/api/v1/tenant/bookings/not-an-id/confirm").headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isNotFound();
    }
}
