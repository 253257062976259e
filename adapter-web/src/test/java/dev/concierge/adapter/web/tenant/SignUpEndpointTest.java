package dev.concierge.adapter.web.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.web.TestWebApplication;
import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.SignUpCommand;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import dev.concierge.domain.tenant.ClientKeyTakenException;
import dev.concierge.domain.tenant.Origin;
import dev.concierge.domain.tenant.Owner;
import dev.concierge.domain.tenant.OwnerEmailTakenException;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantFixtures;
import dev.concierge.domain.tenant.TenantId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

class SignUpEndpointTest {

    private static final String VALID = """
            {"ownerEmail": "Owner@Bakery.Example", "password": "Sunrise42", "displayName": "Corner Bakery",
             "clientKey": "corner-bakery", "allowedOrigins": ["https://bakery.example", "http://localhost:8080"]}
            """;

    private final List<SignUpCommand> received = new ArrayList<>();
    private RuntimeException failure;

    private final List<ClientAddress> receivedFrom = new ArrayList<>();

    private final SignUpTenantUseCase fakeSignUp = (command, from) -> {
        received.add(command);
        receivedFrom.add(from);
        if (failure != null) {
            return Mono.error(failure);
        }
        return Mono.just(Tenant.signUp(TenantId.random(), command.clientKey(),
                new Owner(command.ownerEmail(), TenantFixtures.SOME_HASH), command.displayName(),
                command.allowedOrigins(), command.timeZone(), TenantFixtures.SIGNED_UP_AT));
    };

    private final WebTestClient client = TestWebApplication.start(context -> {
        context.registerBean(SignUpTenantUseCase.class, () -> fakeSignUp);
    }, SignUpWebConfiguration.class);

    private WebTestClient.ResponseSpec post(String json) {
        return client.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
    }

    @Test
    void createsPendingTenantFromTheNormalisedCommand() {
        post(VALID).expectStatus().isCreated()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody()
                .jsonPath("$.clientKey").isEqualTo("corner-bakery")
                .jsonPath("$.ownerEmail").isEqualTo("owner@bakery.example")
                .jsonPath("$.displayName").isEqualTo("Corner Bakery")
                .jsonPath("$.status").isEqualTo("PENDING")
                .jsonPath("$.allowedOrigins[1]").isEqualTo("http://localhost:8080")
                .jsonPath("$.id").isNotEmpty();

        assertThat(receivedFrom).as("WebTestClient has no remote address").containsExactly(new ClientAddress("unknown"));
        assertThat(received).singleElement().satisfies(command -> {
            assertThat(command.ownerEmail().value()).isEqualTo("owner@bakery.example");
            assertThat(command.password().reveal()).isEqualTo("Sunrise42");
            assertThat(command.clientKey().value()).isEqualTo("corner-bakery");
            assertThat(command.allowedOrigins().values()).extracting(Origin::value)
                    .containsExactly("https://bakery.example", "http://localhost:8080");
        });
    }

    @Test
    void theBusinessNamesItsTimeZoneOrGetsUtc() {
        post(VALID.replace("\"allowedOrigins\"", "\"timeZone\": \"America/Chicago\", \"allowedOrigins\""))
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.timeZone").isEqualTo("America/Chicago");
        post(VALID).expectStatus().isCreated().expectBody().jsonPath("$.timeZone").isEqualTo("UTC");
        post(VALID.replace("\"allowedOrigins\"", "\"timeZone\": \"+02:00\", \"allowedOrigins\""))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("timeZone");
    }

    @Test
    void answerNeverContainsPasswordOrHash() {
        String body = post(VALID).expectStatus().isCreated().expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).doesNotContain("Sunrise42", TenantFixtures.SOME_HASH.value(), "$2a$", "password", "Hash");
    }

    @Test
    void namesEveryInvalidFieldAndCallsNoUseCase() {
        post("""
                {"ownerEmail": "not-an-email", "password": "weak", "displayName": " ", "clientKey": "No Spaces",
                 "allowedOrigins": ["https://shop.example/path", "https://*.shop.example"]}
                """)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:concierge:problem:invalid-request")
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[*].field").isEqualTo(List.of("ownerEmail", "password", "displayName", "clientKey",
                        "allowedOrigins"))
                .jsonPath("$.errors[1].message").isEqualTo(
                        "must be at least 8 characters long, contain an upper-case letter, contain a digit")
                .jsonPath("$.errors[4].message").value(String.class,
                        message -> assertThat(message).contains("[0] 'https://shop.example/path'", "without path",
                                "[1] 'https://*.shop.example'", "wildcards"));
        assertThat(received).isEmpty();
    }

    @Test
    void rejectsWildcardOriginsAndMissingFields() {
        post("""
                {"ownerEmail": "owner@bakery.example", "password": "Sunrise42", "displayName": "Bakery",
                 "clientKey": "bakery", "allowedOrigins": ["*"]}
                """)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("allowedOrigins")
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains("wildcards"));

        post("{}").expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors.length()").isEqualTo(5)
                .jsonPath("$.errors[0].message").isEqualTo("is required");
    }

    @Test
    void takenClientKeyAndEmailAreConflictsNamingTheField() {
        failure = new ClientKeyTakenException(dev.concierge.domain.tenant.ClientKey.of("corner-bakery"));
        post(VALID).expectStatus().isEqualTo(409)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:concierge:problem:conflict")
                .jsonPath("$.errors[0].field").isEqualTo("clientKey")
                .jsonPath("$.detail").isEqualTo("client key 'corner-bakery' is already taken");

        failure = new OwnerEmailTakenException();
        post(VALID).expectStatus().isEqualTo(409).expectBody().jsonPath("$.errors[0].field").isEqualTo("ownerEmail");
    }

    @Test
    void malformedJsonIsAProblemNotACrash() {
        post("{\"ownerEmail\": ").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:concierge:problem:malformed-body")
                .jsonPath("$.detail").isEqualTo("The request body is not valid JSON.");
    }

    @Test
    void valueOfTheWrongTypeIsNamed() {
        post("""
                {"ownerEmail": "owner@bakery.example", "password": "Sunrise42", "displayName": "Bakery",
                 "clientKey": "bakery", "allowedOrigins": {"a": 1}}
                """)
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("allowedOrigins");
    }

    @Test
    void numbersAndBooleansAreNotTakenForText() {
        post("""
                {"ownerEmail": "owner@bakery.example", "password": 12345678, "displayName": true,
                 "clientKey": "bakery", "allowedOrigins": ["https://bakery.example"]}
                """)
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.type").isEqualTo("urn:concierge:problem:malformed-body")
                .jsonPath("$.errors[0].field").isEqualTo("password");
        post("""
                {"ownerEmail": "owner@bakery.example", "password": "Sunrise42", "displayName": "Bakery",
                 "clientKey": "bakery", "allowedOrigins": [42]}
                """)
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("allowedOrigins[0]");
        assertThat(received).isEmpty();
    }

    @Test
    void brokenAndInvisibleCharactersAreNamed() {
        post(VALID.replace("Corner Bakery", "Corner\\u202EBakery").replace("Sunrise42", "Sunrise42\\u0000"))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("password", "displayName"));
        post(VALID.replace("Corner Bakery", "Corner \\uD800Bakery"))
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field").isEqualTo("displayName")
                .jsonPath("$.errors[0].message").value(String.class, m -> assertThat(m).contains("unpaired surrogate"));
        assertThat(received).isEmpty();
    }

    @Test
    void clientsAskingForProblemJsonGetAnswersAndProblems() {
        client.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_PROBLEM_JSON).bodyValue(VALID).exchange()
                .expectStatus().isCreated()
                .expectBody().jsonPath("$.clientKey").isEqualTo("corner-bakery");
        client.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.APPLICATION_PROBLEM_JSON).bodyValue("{}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        client.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .accept(MediaType.IMAGE_PNG).bodyValue(VALID).exchange()
                .expectStatus().isEqualTo(406)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:concierge:problem:not-acceptable");
    }

    @Test
    void missingBodyAndWrongMediaTypeAreProblems() {
        client.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("A JSON request body is required.");

        client.post().uri("/api/v1/tenants").contentType(MediaType.TEXT_PLAIN).bodyValue("hello").exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.type").isEqualTo("urn:concierge:problem:unsupported-media-type");
    }

    @Test
    void bodiesOverTheLimitAreRefusedWith413() {
        String huge = VALID.replace("Corner Bakery", "x".repeat(70 * 1024));

        post(huge).expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.type").isEqualTo("urn:concierge:problem:payload-too-large")
                .jsonPath("$.title").isEqualTo("Request Entity Too Large");
        assertThat(received).isEmpty();
    }

    @Test
    void unknownRoutesAndWrongMethodsAreProblems() {
        client.get().uri("/api/v1/nothing-here").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.type").isEqualTo("urn:concierge:problem:not-found")
                .jsonPath("$.instance").isEqualTo("/api/v1/nothing-here");

        client.delete().uri("/api/v1/tenants").exchange()
                .expectStatus().isEqualTo(405)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().value(HttpHeaders.ALLOW, allow -> assertThat(allow).contains("POST"))
                .expectBody().jsonPath("$.type").isEqualTo("urn:concierge:problem:method-not-allowed");
    }

    @Test
    void unexpectedFaultsRevealNothing() {
        failure = new IllegalStateException("connection string postgresql://admin:secret@db");

        post(VALID).expectStatus().is5xxServerError()
                .expectBody(Map.class)
                .value(body -> assertThat(body.toString()).doesNotContain("secret", "postgresql")
                        .contains("urn:concierge:problem:internal"));
    }
}
