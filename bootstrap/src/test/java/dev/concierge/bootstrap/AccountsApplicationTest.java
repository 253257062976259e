package dev.concierge.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.concierge.adapter.persistence.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Accounts through the HTTP API of the whole application on PostgreSQL: sign-up, the admin's confirmation, the
 * owner's sign-in and edits, what the widget then shows, and every way a session token can be refused.
 */
@ExtendWith({TestPostgres.Required.class, OutputCaptureExtension.class})
class AccountsApplicationTest {

    private static final String SECRET = PostgresApplicationTest.TEST_JWT_SECRET;
    private static final String ADMIN_EMAIL = "ops@platform.example";
    private static final String ADMIN_PASSWORD = "Platform-Admin-2026";
    private static final String PASSWORD = "Sunrise42";

    private static ConfigurableApplicationContext application;
    private static WebTestClient client;

    @BeforeAll
    static void start() {
        TestPostgres postgres = TestPostgres.get();
        postgres.truncateAll();
        application = new SpringApplicationBuilder(ConciergeApplication.class)
                .properties("DATABASE_URL=" + PostgresApplicationTest.originalForm(postgres.databaseUrl()))
                .run("--server.port=0", "--JWT_SECRET=" + SECRET, "--FRONTEND_URL=" + PostgresApplicationTest.TEST_PUBLIC_URL,
                        "--ADMIN_EMAIL=" + ADMIN_EMAIL,
                        "--ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                        // Fast hashes, and one test machine sending every request from one address.
                        "--concierge.security.bcrypt-strength=4",
                        "--concierge.security.logins-per-address-per-minute=10000",
                        "--concierge.security.address-free-failures=10000",
                        "--concierge.security.sign-ups-per-address-per-hour=10000",
                        // The tests log warnings only; the log test needs the security log and all of
                        // Concierge's own lines, down to debug, to show that none of them leaks a secret.
                        "--logging.level.concierge.security=INFO", "--logging.level.dev.concierge=DEBUG");
        client = TestClients.onPort(application.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
    }

    private static String signUp(String key) {
        return client.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"ownerEmail": "%s@owner.example", "password": "%s", "displayName": "Shop %s",
                 "clientKey": "%s", "allowedOrigins": ["https://%s.example"]}
                """.formatted(key, PASSWORD, key, key, key)).exchange()
                .expectStatus().isCreated()
                .expectBody(Map.class).returnResult().getResponseBody().get("id").toString();
    }

    private static WebTestClient.ResponseSpec login(String email, String password) {
        return client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", password)).exchange();
    }

    private static String token(String email, String password) {
        return login(email, password).expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
                .get("token").toString();
    }

    private static String admin() {
        return token(ADMIN_EMAIL, ADMIN_PASSWORD);
    }

    private static String activeOwner(String key) {
        String id = signUp(key);
        client.post().uri("/api/v1/admin/tenants/" + id + "/confirm").headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isOk();
        return token(key + "@owner.example", PASSWORD);
    }

    private static Map<?, ?> ownTenant(String token) {
        return client.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
    }

    private static String settings(String title) {
        return """
                {"displayName": "Corner Bakery", "title": "%s", "buttonEmoji": "🥐", "logoUrl": null,
                 "firstMessage": "Guten Tag! Was darf es sein?", "font": "Georgia, serif", "primaryColor": "#7a3e00",
                 "textColor": "#ffffff", "position": "bottom-left", "systemPrompt": "Du bist der Bäcker.",
                 "language": "de", "allowedOrigins": ["https://bakery.example"], "appointmentsEnabled": true,
                 "timeZone": "Europe/Berlin"}
                """.formatted(title);
    }

    @Test
    void signUpConfirmSignInEditAndTheWidgetShowsTheNewBranding() {
        String id = signUp("corner-bakery");
        client.get().uri("/api/v1/widget/corner-bakery").exchange().expectStatus().isNotFound();
        String admin = admin();

        client.get().uri("/api/v1/admin/tenants?status=PENDING").headers(h -> h.setBearerAuth(admin)).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.items[?(@.id == '" + id + "')].status").isEqualTo(List.of("PENDING"));
        client.post().uri("/api/v1/admin/tenants/" + id + "/confirm").headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("ACTIVE");
        String owner = token("corner-bakery@owner.example", PASSWORD);
        client.put().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(owner)).header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(settings("Frisch gebacken")).exchange()
                .expectStatus().isOk().expectHeader().valueEquals(HttpHeaders.ETAG, "\"2\"");

        client.get().uri("/api/v1/widget/corner-bakery").header(HttpHeaders.ORIGIN, "https://bakery.example")
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.title").isEqualTo("Frisch gebacken")
                .jsonPath("$.colors.primary").isEqualTo("#7a3e00")
                .jsonPath("$.position").isEqualTo("bottom-left")
                .jsonPath("$.language").isEqualTo("de");
        client.get().uri("/api/v1/widget/corner-bakery").header(HttpHeaders.ORIGIN, "https://corner-bakery.example")
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void aStaleEditIs412WithIfMatchAnd409WithABodyVersion() {
        String owner = activeOwner("stale-shop");
        client.put().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(owner)).header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(settings("First")).exchange()
                .expectStatus().isOk();

        client.put().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(owner)).header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(settings("Second")).exchange()
                .expectStatus().isEqualTo(412);
        client.put().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(owner))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(settings("Third").replace("\"timeZone\"", "\"version\": 1, \"timeZone\""))
                .exchange().expectStatus().isEqualTo(409);
        assertThat(ownTenant(owner).get("title")).isEqualTo("First");
    }

    @Test
    void twoTenantsNeverSeeOrChangeEachOther() {
        String bakery = activeOwner("iso-bakery");
        String florist = activeOwner("iso-florist");
        Object floristId = ownTenant(florist).get("id");

        client.put().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(bakery)).header(HttpHeaders.IF_MATCH, "\"1\"")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(settings("Mine").replace("{", "{\"id\": \"" + floristId + "\", "))
                .exchange().expectStatus().isOk();

        assertThat(ownTenant(florist).get("title")).isEqualTo("Shop iso-florist");
        assertThat(ownTenant(bakery).get("title")).isEqualTo("Mine");
        client.post().uri("/api/v1/admin/tenants/" + floristId + "/suspend").headers(h -> h.setBearerAuth(bakery))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\": \"x\"}").exchange()
                .expectStatus().isForbidden();
        client.get().uri("/api/v1/admin/tenants").headers(h -> h.setBearerAuth(bakery)).exchange()
                .expectStatus().isForbidden();
        assertThat(ownTenant(florist).get("status")).isEqualTo("ACTIVE");
    }

    @Test
    void anUnknownEmailAndAWrongPasswordGetTheSameStatusAndBody() {
        activeOwner("same-answer");

        byte[] unknown = login("nobody@owner.example", PASSWORD).expectStatus().isUnauthorized()
                .expectBody().returnResult().getResponseBody();
        byte[] wrong = login("same-answer@owner.example", "Sunset42").expectStatus().isUnauthorized()
                .expectBody().returnResult().getResponseBody();

        assertThat(new String(wrong, StandardCharsets.UTF_8)).isEqualTo(new String(unknown, StandardCharsets.UTF_8));
    }

    @Test
    void repeatedFailuresLockTheAccountAcrossRequestsAndASuccessBeforeThatResetsTheCount() {
        activeOwner("locked-shop");
        for (int i = 0; i < 5; i++) {
            login("locked-shop@owner.example", "Wrong" + i).expectStatus().isUnauthorized();
        }
        login("locked-shop@owner.example", PASSWORD).expectStatus().isOk();
        for (int i = 0; i < 5; i++) {
            login("locked-shop@owner.example", "Again" + i).expectStatus().isUnauthorized();
        }

        login("locked-shop@owner.example", "Again5").expectStatus().isUnauthorized();
        login("locked-shop@owner.example", PASSWORD).expectStatus().isEqualTo(429)
                .expectHeader().valueMatches(HttpHeaders.RETRY_AFTER, "[1-3][0-9]")
                .expectBody().jsonPath("$.type").isEqualTo("urn:concierge:problem:too-many-requests");
    }

    @Test
    void passwordsOver72BytesAreRefusedEverywhereWith400() {
        String owner = activeOwner("long-password");
        String tooLong = "Aa1" + "ä".repeat(35);

        login("long-password@owner.example", tooLong).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("password");
        client.post().uri("/api/v1/tenant/password").headers(h -> h.setBearerAuth(owner))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", tooLong, "newPassword", tooLong)).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[*].field").isEqualTo(List.of("currentPassword", "newPassword"));
    }

    @Test
    void aSuspendedTenantsWidgetIsGoneButItsOwnerSignsInAndReadsWhy() {
        String owner = activeOwner("suspended-shop");
        Object id = ownTenant(owner).get("id");
        client.get().uri("/api/v1/widget/suspended-shop").exchange().expectStatus().isOk();

        client.post().uri("/api/v1/admin/tenants/" + id + "/suspend").headers(h -> h.setBearerAuth(admin()))
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"reason\": \"Unpaid invoice\"}").exchange()
                .expectStatus().isOk();

        client.get().uri("/api/v1/widget/suspended-shop").exchange().expectStatus().isNotFound();
        Map<?, ?> seen = ownTenant(token("suspended-shop@owner.example", PASSWORD));
        assertThat(seen.get("status")).isEqualTo("SUSPENDED");
        assertThat(seen.get("suspensionReason")).isEqualTo("Unpaid invoice");
        client.post().uri("/api/v1/admin/tenants/" + id + "/reactivate").headers(h -> h.setBearerAuth(admin()))
                .exchange().expectStatus().isOk();
        client.get().uri("/api/v1/widget/suspended-shop").exchange().expectStatus().isOk();
    }

    @Test
    void aPasswordChangeRefusesEverySessionIssuedBefore() {
        String before = activeOwner("changing-shop");

        String fresh = client.post().uri("/api/v1/tenant/password").headers(h -> h.setBearerAuth(before))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", PASSWORD, "newPassword", "Moonrise43")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("token").toString();

        client.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(before)).exchange()
                .expectStatus().isUnauthorized();
        ownTenant(fresh);
        login("changing-shop@owner.example", PASSWORD).expectStatus().isUnauthorized();
        ownTenant(token("changing-shop@owner.example", "Moonrise43"));
    }

    // Session tokens: each way a token can be wrong is refused with 401.

    private static String ownerId;

    private static String someOwnerId() {
        if (ownerId == null) {
            ownerId = ownTenant(activeOwner("token-shop")).get("id").toString();
        }
        return ownerId;
    }

    private static JWTClaimsSet.Builder validClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().subject(someOwnerId()).claim("role", "OWNER").issuer("concierge")
                .audience("concierge-api").issueTime(Date.from(now.minusSeconds(5)))
                .expirationTime(Date.from(now.plusSeconds(600))).jwtID(UUID.randomUUID().toString());
    }

    private static String hs256(String secret, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        JWTClaimsSet.Builder claims = validClaims();
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT).build(),
                claims.build());
        jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        return jwt.serialize();
    }

    private static void refused(String token) {
        client.get().uri("/api/v1/tenant").headers(h -> h.setBearerAuth(token)).exchange()
                .expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("urn:concierge:problem:unauthenticated");
    }

    @Test
    void aCorrectlyMadeTokenIsAcceptedSoTheRefusalsBelowAreAboutTheirOneFlaw() throws Exception {
        ownTenant(hs256(SECRET, claims -> { }));
    }

    @Test
    void anUnsignedTokenIsRefused() {
        refused(new PlainJWT(validClaims().build()).serialize());
    }

    @Test
    void anotherAlgorithmIsRefusedEvenWithTheRightSecret() throws Exception {
        JWTClaimsSet claims = validClaims().build();
        SignedJWT hs512 = new SignedJWT(new JWSHeader(JWSAlgorithm.HS512), claims);
        hs512.sign(new MACSigner((SECRET + SECRET).getBytes(StandardCharsets.UTF_8)));
        refused(hs512.serialize());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        SignedJWT rs256 = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims);
        rs256.sign(new RSASSASigner((RSAPrivateKey) generator.generateKeyPair().getPrivate()));
        refused(rs256.serialize());
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        refused(hs256("another-secret-that-is-also-longer-than-32-bytes", claims -> { }));
    }

    @Test
    void anExpiredTokenOrOneWithoutExpiryIsRefused() throws Exception {
        refused(hs256(SECRET, claims -> claims.expirationTime(Date.from(Instant.now().minusSeconds(120)))));
        refused(hs256(SECRET, claims -> claims.expirationTime(null)));
    }

    @Test
    void aTokenForAnotherIssuerOrAudienceIsRefused() throws Exception {
        refused(hs256(SECRET, claims -> claims.issuer("someone-else")));
        refused(hs256(SECRET, claims -> claims.audience("another-api")));
        refused(hs256(SECRET, claims -> claims.issuer(null)));
    }

    @Test
    void anOwnerTokenClaimingTheAdminRoleIsNotTheAdmin() throws Exception {
        refused(hs256(SECRET, claims -> claims.claim("role", "ADMIN")));
    }

    @Test
    void noPasswordHashOrTokenEverReachesTheLog(CapturedOutput output) {
        String owner = activeOwner("quiet-shop");
        login("quiet-shop@owner.example", "Wrong-Secret-77").expectStatus().isUnauthorized();
        client.post().uri("/api/v1/tenant/password").headers(h -> h.setBearerAuth(owner))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("currentPassword", PASSWORD, "newPassword", "Moonrise-Secret-88")).exchange()
                .expectStatus().isOk();

        String log = output.getAll();
        assertThat(log).contains("event=LOGIN_SUCCEEDED", "event=LOGIN_FAILED", "event=PASSWORD_CHANGED",
                "event=TENANT_CONFIRMED");
        assertThat(log).doesNotContain(PASSWORD, "Wrong-Secret-77", "Moonrise-Secret-88", ADMIN_PASSWORD, SECRET,
                owner, "$2a$", "$2b$", "eyJ");
    }
}
