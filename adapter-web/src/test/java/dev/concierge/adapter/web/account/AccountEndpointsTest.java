package dev.concierge.adapter.web.account;

import static dev.concierge.adapter.web.account.AccountTestServices.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.web.TestWebApplication;
import dev.concierge.adapter.web.admin.AdminWebConfiguration;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantFixtures;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class AccountEndpointsTest {

    private static final String SETTINGS = """
            {"displayName": "Night Bakery", "title": "Ask the baker", "buttonEmoji": "🥐",
             "logoUrl": "https://cdn.bakery.example/logo.png", "firstMessage": "Guten Abend!",
             "font": "Georgia, serif", "primaryColor": "#112233", "textColor": "#ffffff", "position": "bottom-left",
             "systemPrompt": "Speak like a baker.", "language": "de",
             "allowedOrigins": ["https://bakery.example", "https://www.bakery.example"],
             "appointmentsEnabled": false, "timeZone": "Europe/Berlin"}
            """;

    private final AccountTestServices services = new AccountTestServices();
    private final WebTestClient client = TestWebApplication.start(services::register, AccountWebConfiguration.class,
            AdminWebConfiguration.class);
    private final Tenant bakery = services.add(TenantFixtures.activeTenant().withOwnerEmail("owner@bakery.example")
            .build());
    private final Tenant florist = services.add(TenantFixtures.activeTenant().withOwnerEmail("owner@florist.example")
            .build());

    private WebTestClient.ResponseSpec login(String email, String password) {
        return client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    private String token(String email, String password) {
        return login(email, password).expectStatus().isOk().expectBody(SessionResponse.class).returnResult()
                .getResponseBody().token();
    }

    @Test
    void anOwnerSignsInAndGetsABearerTokenThatIsNeverCached() {
        login("Owner@Bakery.example", PASSWORD).expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE)
                .expectBody()
                .jsonPath("$.tokenType").isEqualTo("Bearer")
                .jsonPath("$.role").isEqualTo("OWNER")
                .jsonPath("$.tenantId").isEqualTo(bakery.id().toString())
                .jsonPath("$.expiresIn").isEqualTo(3600)
                .jsonPath("$.token").isNotEmpty();
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameAnswer() {
        byte[] unknown = login("nobody@bakery.example", PASSWORD).expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"concierge\"")
                .expectBody().returnResult().getResponseBody();
        byte[] wrong = login("owner@bakery.example", "Sunset42").expectStatus().isUnauthorized()
                .expectBody().returnResult().getResponseBody();

        assertThat(new String(wrong)).isEqualTo(new String(unknown)).contains("urn:concierge:problem:unauthenticated");
    }

    @Test
    void aPasswordOver72BytesIsABadRequestNamingTheField() {
        login("owner@bakery.example", "Ä".repeat(37)).expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("72 bytes"));
    }

    @Test
    void repeatedFailuresLockTheAccountWith429AndRetryAfter() {
        for (int i = 0; i < 6; i++) {
            login("owner@bakery.example", "Wrong" + i).expectStatus().isUnauthorized();
        }

        login("owner@bakery.example", PASSWORD).expectStatus().isEqualTo(429)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "30")
                .expectBody().jsonPath("$.type").isEqualTo("urn:concierge:problem:too-many-requests");
    }

    @Test
    void theOwnerReadsTheirTenantWithItsVersionAsETag() {
        String token = token("owner@bakery.example", PASSWORD);

        client.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"" + bakery.version() + "\"")
                .expectBody()
                .jsonPath("$.id").isEqualTo(bakery.id().toString())
                .jsonPath("$.status").isEqualTo("ACTIVE")
                .jsonPath("$.position").isEqualTo("bottom-right")
                .jsonPath("$.version").isEqualTo(0)
                .jsonPath("$.passwordHash").doesNotExist();
    }

    @Test
    void anEditBasedOnTheCurrentVersionIsStoredAndAStaleOneIs412() {
        String token = token("owner@bakery.example", PASSWORD);

        client.put().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(token)).header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SETTINGS).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ETAG, "\"1\"")
                .expectBody()
                .jsonPath("$.displayName").isEqualTo("Night Bakery")
                .jsonPath("$.language").isEqualTo("de")
                .jsonPath("$.allowedOrigins.length()").isEqualTo(2)
                .jsonPath("$.version").isEqualTo(1);

        client.put().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(token)).header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SETTINGS.replace("Night", "Day")).exchange()
                .expectStatus().isEqualTo(412)
                .expectBody().jsonPath("$.type").isEqualTo("urn:concierge:problem:precondition-failed");
        assertThat(services.tenants.findById(bakery.id()).block().displayName().value()).isEqualTo("Night Bakery");
    }

    @Test
    void aStaleVersionInTheBodyIs409AndNoVersionAtAllIs428() {
        String token = token("owner@bakery.example", PASSWORD);
        String withVersion = SETTINGS.replace("\"timeZone\"", "\"version\": 0, \"timeZone\"");
        client.put().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(withVersion).exchange().expectStatus().isOk();

        client.put().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(withVersion).exchange()
                .expectStatus().isEqualTo(409);
        client.put().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SETTINGS).exchange()
                .expectStatus().isEqualTo(428)
                .expectBody().jsonPath("$.type").isEqualTo("urn:concierge:problem:precondition-required");
        client.put().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(token)).header(HttpHeaders.IF_MATCH, "*")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(SETTINGS).exchange()
                .expectStatus().isEqualTo(412);
    }

    @Test
    void invalidSettingsNameEachFieldAndChangeNothing() {
        String token = token("owner@bakery.example", PASSWORD);
        String bad = SETTINGS.replace("\"#112233\"", "\"red\"").replace("\"bottom-left\"", "\"top\"")
                .replace("[\"https://bakery.example\", \"https://www.bakery.example\"]", "null")
                .replace("\"Europe/Berlin\"", "\"Mars/Olympus\"");

        client.put().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(token)).header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(bad).exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").value(fields -> assertThat((java.util.List<String>) fields)
                        .containsExactlyInAnyOrder("primaryColor", "position", "allowedOrigins", "timeZone"));
        assertThat(services.tenants.findById(bakery.id()).block().version()).isZero();
    }

    @Test
    void anOwnerCanNeverReachAnotherTenantWhateverTheRequestNames() {
        String token = token("owner@bakery.example", PASSWORD);
        String smuggled = SETTINGS.replace("{", "{\"id\": \"" + florist.id() + "\", \"clientKey\": \""
                + florist.clientKey().value() + "\", \"status\": \"SUSPENDED\", ");

        client.put().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(token)).header(HttpHeaders.IF_MATCH, "\"0\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(smuggled).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.id").isEqualTo(bakery.id().toString())
                .jsonPath("$.status").isEqualTo("ACTIVE");
        assertThat(services.tenants.findById(florist.id()).block()).isEqualTo(florist);
        client.get().uri("/api/v1/tenant?id=" + florist.id()).headers(h -> h.setBearerAuth(token)).exchange()
                .expectBody().jsonPath("$.id").isEqualTo(bakery.id().toString());
        client.get().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isForbidden();
        client.post().uri("/api/v1/admin/tenants/" + florist.id() + "/suspend").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\": \"mine now\"}").exchange()
                .expectStatus().isForbidden();
        assertThat(services.tenants.findById(florist.id()).block()).isEqualTo(florist);
    }

    @Test
    void withoutAValidSessionEveryOwnerRouteIs401BeforeItReadsTheBody() {
        client.get().uri("/api/v1/tenant").exchange().expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"concierge\"");
        client.get().uri("/api/v1/tenant").header(HttpHeaders.AUTHORIZATION, "Basic b3duZXI6cHc=").exchange()
                .expectStatus().isUnauthorized();
        client.get().uri("/api/v1/tenant").header(HttpHeaders.AUTHORIZATION, "Bearer forged").exchange()
                .expectStatus().isUnauthorized();
        client.put().uri("/api/v1/tenant").contentType(MediaType.APPLICATION_JSON).bodyValue("{not json")
                .exchange().expectStatus().isUnauthorized();
        client.post().uri("/api/v1/tenant/password").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", PASSWORD, "newPassword", "Moonrise43")).exchange()
                .expectStatus().isUnauthorized();
        client.delete().uri("/api/v1/tenant/sessions").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void changingThePasswordEndsOlderSessionsAndReturnsAFreshOne() {
        String old = token("owner@bakery.example", PASSWORD);
        services.clock.advance(java.time.Duration.ofMillis(300));

        String fresh = client.post().uri("/api/v1/tenant/password").headers(h -> h.setBearerAuth(old))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", PASSWORD, "newPassword", "Moonrise43")).exchange()
                .expectStatus().isOk().expectBody(SessionResponse.class).returnResult().getResponseBody().token();

        client.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(old)).exchange().expectStatus().isUnauthorized();
        client.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(fresh)).exchange().expectStatus().isOk();
        login("owner@bakery.example", "Moonrise43").expectStatus().isOk();
    }

    @Test
    void aPasswordChangeChecksTheCurrentPasswordAndThePolicy() {
        String token = token("owner@bakery.example", PASSWORD);

        client.post().uri("/api/v1/tenant/password").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", "Sunset42", "newPassword", "Moonrise43")).exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("currentPassword");
        client.post().uri("/api/v1/tenant/password").headers(h -> h.setBearerAuth(token))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", PASSWORD, "newPassword", "Ä1" + "ä".repeat(36))).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("newPassword")
                .jsonPath("$.errors[0].message").value(message -> assertThat((String) message).contains("72 bytes"));
        client.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();
    }

    @Test
    void signingOutEverywhereEndsTheCurrentSessionToo() {
        String token = token("owner@bakery.example", PASSWORD);

        client.delete().uri("/api/v1/tenant/sessions").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isNoContent();
        client.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized();
    }
}
