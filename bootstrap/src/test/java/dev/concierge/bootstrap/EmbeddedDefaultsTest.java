package dev.concierge.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.ClientKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.util.FileSystemUtils;

/**
 * The whole application on its embedded defaults (H2 file database, demo tenant), over a real socket, with
 * BlockHound watching the Netty threads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "concierge.data-dir=" + EmbeddedDefaultsTest.DATA_DIR)
@ExtendWith(OutputCaptureExtension.class)
class EmbeddedDefaultsTest {

    static final String DATA_DIR = "target/test-data/embedded";
    private static final String EVIL = "https://evil.example";

    /** Runs before the application starts: every run begins with no database, so the demo is created afresh. */
    @BeforeAll
    static void startWithoutData() throws IOException {
        FileSystemUtils.deleteRecursively(Path.of(DATA_DIR));
    }

    @Value("${local.server.port}")
    int port;

    @Autowired
    Tenants tenants;

    private WebTestClient client() {
        return TestClients.onPort(port);
    }

    private static String signUpJson(String clientKey, String email, String password) {
        return """
                {"ownerEmail": "%s", "password": "%s", "displayName": "Corner Bakery", "clientKey": "%s",
                 "allowedOrigins": ["https://bakery.example"]}
                """.formatted(email, password, clientKey);
    }

    @Test
    void storesItsDataInAnH2FileUnderTheDataDirectory() {
        assertThat(Path.of(DATA_DIR, "concierge.mv.db")).isRegularFile();
    }

    @Test
    void healthAndReadinessAreUpIncludingTheDatabase() {
        client().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP");
        client().get().uri("/actuator/health/readiness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.readinessState.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc.status").isEqualTo("UP");
        client().get().uri("/actuator/health/liveness").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.r2dbc").doesNotExist();
    }

    @Test
    void unknownHealthPathsAreNotFoundProblemsWithoutAnErrorLogged(CapturedOutput output) {
        int logged = output.length();
        for (String path : new String[] {"/actuator/health/a", "/actuator/health/a/b", "/actuator/health/readiness/x/y"}) {
            client().get().uri(path).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody().jsonPath("$.status").isEqualTo(404).jsonPath("$.instance").isEqualTo(path);
        }
        assertThat(output.toString().substring(logged)).doesNotContain("ERROR", "Exception");
    }

    @Test
    void rootServesTheDemoShopPageForGetAndHead() {
        client().get().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody(String.class).value(page -> assertThat(page)
                        .contains("Concierge demo shop", "<script src=\"/widget.js\" data-client-id=\"demo\""));
        client().head().uri("/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectBody().isEmpty();
        // The page's own style sheet: its policy allows no inline styles.
        client().get().uri("/demo-shop.css").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(new MediaType("text", "css"))
                .expectBody(String.class).value(css -> assertThat(css).contains("{"));
    }

    @Test
    void demoWidgetAnswersItsOwnOriginAndRefusesOthers() {
        String ownOrigin = "http://localhost:" + port;
        client().get().uri("/api/v1/widget/demo").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody().jsonPath("$.clientKey").isEqualTo("demo");
        client().get().uri("/api/v1/widget/demo").header(HttpHeaders.ORIGIN, ownOrigin).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ownOrigin);
        client().get().uri("/api/v1/widget/demo").header(HttpHeaders.ORIGIN, EVIL).exchange()
                .expectStatus().isForbidden()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);
    }

    @Test
    void signUpStoresAPendingTenantWithABcryptHashThatNoAnswerReveals() {
        String key = "bakery-" + UUID.randomUUID().toString().substring(0, 8);
        String email = key + "@owner.example";

        String created = client().post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(signUpJson(key, email, "Sunrise42")).exchange()
                .expectStatus().isCreated()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(created).contains("\"status\":\"PENDING\"").doesNotContain("$2a$", "Sunrise42", "password");

        String hash = tenants.findByClientKey(ClientKey.of(key)).block().owner().passwordHash().value();
        assertThat(hash).startsWith("$2a$12$");

        String duplicate = client().post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(signUpJson(key, "other-" + email, "Sunrise42")).exchange()
                .expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(duplicate).contains("clientKey").doesNotContain(hash);

        client().get().uri("/api/v1/widget/" + key).exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void theOfflineAssistantSaysNoModelIsConfiguredAndBookingWordsOfferTheDemosFreeSlots() {
        String origin = "http://localhost:" + port;
        Map<?, ?> greeting = client().post().uri("/api/v1/widget/demo/chat").header("Origin", origin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("visitorId", "visitor-embedded", "message", "Hello")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(greeting.get("reply").toString()).contains("No language model is configured");

        Map<?, ?> booking = client().post().uri("/api/v1/widget/demo/chat").header("Origin", origin)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("visitorId", "visitor-embedded", "conversationId", greeting.get("conversationId"),
                        "message", "Ich möchte einen Termin")).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        assertThat(booking.get("conversationId")).isEqualTo(greeting.get("conversationId"));
        assertThat((List<?>) booking.get("actions")).singleElement()
                .satisfies(action -> assertThat(((Map<?, ?>) action).get("type")).isEqualTo("offer_slots"));
    }

    @Test
    void withoutAnSmtpServerMailIsWrittenToTheOutboxFolderWithLinksToThisServer() throws Exception {
        String key = "mail-" + UUID.randomUUID().toString().substring(0, 8);
        String email = key + "@owner.example";
        client().post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(signUpJson(key, email, "Sunrise42")).exchange().expectStatus().isCreated();

        Path outbox = Path.of(DATA_DIR, "outbox");
        String mail = null;
        for (int i = 0; i < 200 && mail == null; i++) {
            Thread.sleep(50);
            if (Files.isDirectory(outbox)) {
                try (var files = Files.list(outbox)) {
                    for (Path file : files.filter(f -> f.toString().endsWith(".eml")).toList()) {
                        try (var in = Files.newInputStream(file)) {
                            var message = new jakarta.mail.internet.MimeMessage(null, in);
                            if (message.getRecipients(jakarta.mail.Message.RecipientType.TO)[0].toString()
                                    .equals(email)) {
                                var parts = (jakarta.mail.Multipart) message.getContent();
                                mail = message.getMessageID() + "\n" + parts.getBodyPart(0).getContent();
                            }
                        }
                    }
                }
            }
        }
        assertThat(mail).as("a verification mail in %s", outbox).isNotNull()
                .contains("http://localhost:" + port + "/console/verify-email/")
                .startsWith("<");
    }

    @Test
    void weakPasswordIsRejectedWithProblemJson() {
        client().post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(signUpJson("weak-shop", "weak@owner.example", "password")).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("password")
                .jsonPath("$.errors[0].message").isEqualTo("must contain an upper-case letter, contain a digit");
    }

    @Test
    void everyErrorIsProblemJson() {
        client().get().uri("/no/such/route").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client().post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).bodyValue("{not json").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        TestClients.unpooledOnPort(port).post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(signUpJson("big-shop", "big@owner.example", "Sunrise42" + "x".repeat(65 * 1024))).exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void servesTheWidgetScript() {
        client().get().uri("/widget.js").exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CONTENT_TYPE, type -> assertThat(type).contains("javascript"))
                .expectBody(String.class).value(script -> assertThat(script).contains("data-client-id"));
    }

    @Test
    void healthShowsNoSecrets() {
        Map<?, ?> health = client().get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(health.get("status")).isEqualTo("UP");
        assertThat(((Map<?, ?>) health.get("components")).keySet()).asString().contains("r2dbc");
        assertThat(health.toString()).doesNotContain("jdbc:", "r2dbc:", "password", "h2:", DATA_DIR);
    }
}
