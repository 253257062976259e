package dev.concierge.adapter.web.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.web.TestWebApplication;
import dev.concierge.adapter.web.account.AccountTestServices;
import dev.concierge.adapter.web.account.AccountWebConfiguration;
import dev.concierge.application.port.out.AssistantEvent;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantFixtures;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

class ChatEndpointsTest {

    private static final String ORIGIN = "https://bakery.example";

    private final AccountTestServices services = new AccountTestServices();
    private final WebTestClient client = TestWebApplication.start(services::register, AccountWebConfiguration.class,
            ChatWebConfiguration.class);
    private final Tenant tenant = services.add(TenantFixtures.activeTenant().withClientKey("bakery")
            .withOrigin(ORIGIN).build());

    private WebTestClient.ResponseSpec chat(String path, Object body) {
        return client.post().uri("/api/v1/widget/bakery/" + path).header(HttpHeaders.ORIGIN, ORIGIN)
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    void theWholeReplyComesBackWithTheConversationToContinue() {
        Map<?, ?> answer = chat("chat", Map.of("visitorId", "visitor-123", "message", "Hi")).expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody();

        assertThat(answer.get("reply")).isEqualTo("Hello there");
        assertThat(answer.get("fallback")).isEqualTo(false);
        String conversation = answer.get("conversationId").toString();

        client.get().uri("/api/v1/widget/bakery/conversations/" + conversation + "?visitorId=visitor-123")
                .header(HttpHeaders.ORIGIN, ORIGIN).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.messages[0].role").isEqualTo("USER")
                .jsonPath("$.messages[0].content").isEqualTo("Hi")
                .jsonPath("$.messages[1].content").isEqualTo("Hello there");
        client.get().uri("/api/v1/widget/bakery/conversations/" + conversation + "?visitorId=someone-else")
                .header(HttpHeaders.ORIGIN, ORIGIN).exchange().expectStatus().isNotFound();
    }

    @Test
    void deltasLeaveBeforeTheModelHasFinished() {
        Sinks.Many<AssistantEvent> model = Sinks.many().unicast().onBackpressureBuffer();
        services.assistant = request -> model.asFlux();
        // The answer's head leaves with its first event; the model has not finished when the test reads it.
        model.tryEmitNext(new AssistantEvent.TextDelta("Hel"));

        FluxExchangeResult<String> result = chat("chat/stream", Map.of("visitorId", "visitor-123", "message", "Hi"))
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_EVENT_STREAM)
                .returnResult(String.class);

        StepVerifier.create(result.getResponseBody())
                .assertNext(first -> assertThat(first).contains("\"text\":\"Hel\""))
                .then(() -> {
                    model.tryEmitNext(new AssistantEvent.TextDelta("lo"));
                    model.tryEmitNext(new AssistantEvent.Usage(1, 1));
                    model.tryEmitComplete();
                })
                .assertNext(second -> assertThat(second).contains("\"text\":\"lo\""))
                .assertNext(done -> assertThat(done).contains("conversationId").contains("\"fallback\":false"))
                .expectComplete()
                .verify(Duration.ofSeconds(10));
    }

    @Test
    void badMessagesAreRefusedBeforeAnyModelSeesThem() {
        chat("chat", Map.of("visitorId", "visitor-123", "message", "x".repeat(2001))).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("message");
        chat("chat/stream", Map.of("message", "Hi")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("visitorId");
        chat("chat", Map.of("visitorId", "bad id!", "message", " ")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors.length()").isEqualTo(2);
        client.post().uri("/api/v1/widget/bakery/chat").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("visitorId", "visitor-123", "message", "Hi")).exchange()
                .expectStatus().isForbidden();
        assertThat(services.conversations.count(tenant.id()).block()).isZero();
    }

    @Test
    void theOwnerListsReadsAndDeletesConversations() {
        String conversation = chat("chat", Map.of("visitorId", "visitor-123", "message", "Hi")).expectBody(Map.class)
                .returnResult().getResponseBody().get("conversationId").toString();
        String owner = client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", tenant.owner().email().value(), "password", AccountTestServices.PASSWORD))
                .exchange().expectBody(Map.class).returnResult().getResponseBody().get("token").toString();

        client.get().uri("/api/v1/tenant/conversations").headers(h -> h.setBearerAuth(owner)).exchange()
                .expectStatus().isOk().expectBody()
                .jsonPath("$.total").isEqualTo(1)
                .jsonPath("$.items[0].messageCount").isEqualTo(2);
        client.get().uri("/api/v1/tenant/conversations/" + conversation).headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isOk().expectBody().jsonPath("$.messages.length()").isEqualTo(2);
        client.delete().uri("/api/v1/tenant/conversations/" + conversation).headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isNoContent();
        client.get().uri("/api/v1/tenant/conversations/" + conversation).headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isNotFound();
        client.get().uri("/api/v1/tenant/conversations").exchange().expectStatus().isUnauthorized();
    }
}
