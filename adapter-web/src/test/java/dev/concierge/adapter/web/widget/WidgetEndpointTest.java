package dev.concierge.adapter.web.widget;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.web.TestWebApplication;
import dev.concierge.application.port.in.LoadWidgetUseCase;
import dev.concierge.application.port.in.PublishedWidget;
import dev.concierge.application.service.LoadWidgetService;
import dev.concierge.application.testing.InMemoryTenants;
import dev.concierge.domain.tenant.Branding;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantFixtures;
import dev.concierge.domain.tenant.TenantStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

class WidgetEndpointTest {

    private static final String ALLOWED = "https://bakery.example";
    private static final String EVIL = "https://evil.example";

    private final InMemoryTenants tenants = new InMemoryTenants();
    private final WebTestClient client = TestWebApplication.start(context -> {
        context.registerBean(LoadWidgetUseCase.class, () -> new LoadWidgetService(tenants));
        context.registerBean(StateChangingWidgetEndpoint.class);
    }, WidgetWebConfiguration.class);

    WidgetEndpointTest() {
        tenants.add(TenantFixtures.activeTenant().withClientKey("open-shop").withDisplayName("Open Shop")
                .withOrigin("http://localhost:8080").build()).block();
        tenants.add(TenantFixtures.pendingTenant().withClientKey("pending-shop").build()).block();
        tenants.add(TenantFixtures.activeTenant().withClientKey("closed-shop").withStatus(TenantStatus.SUSPENDED).build())
                .block();
    }

    /** Stands in for the chat and booking endpoints, which change state. */
    @RestController
    static class StateChangingWidgetEndpoint {
        @PostMapping("/api/v1/widget/{clientKey}/echo")
        Mono<Map<String, String>> echo(@WidgetTenant PublishedWidget tenant) {
            return Mono.just(Map.of("echo", "ok", "tenant", tenant.clientKey().value()));
        }
    }

    @Test
    void servesPublicConfigOfActiveTenantWithoutOrigin() {
        client.get().uri("/api/v1/widget/open-shop").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectBody()
                .jsonPath("$.clientKey").isEqualTo("open-shop")
                .jsonPath("$.title").isEqualTo("Open Shop")
                .jsonPath("$.buttonEmoji").isNotEmpty()
                .jsonPath("$.firstMessage").isNotEmpty()
                .jsonPath("$.font").isEqualTo("system-ui")
                .jsonPath("$.colors.primary").isEqualTo("#1f6feb")
                .jsonPath("$.position").isEqualTo("bottom-right")
                .jsonPath("$.appointmentsEnabled").isEqualTo(true)
                .jsonPath("$.language").isEqualTo("en");
    }

    @Test
    void publicConfigHoldsNothingPrivate() {
        String body = client.get().uri("/api/v1/widget/open-shop").exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_JSON)
                .expectBody(String.class).returnResult().getResponseBody();

        assertThat(body).contains("\"clientKey\":\"open-shop\"", "\"title\":\"Open Shop\"");
        assertThat(body).doesNotContain("owner.example", "$2a$", "You are the friendly assistant", "bakery.example",
                "localhost:8080", "ownerEmail", "systemPrompt", "allowedOrigins", "status");
    }

    @Test
    void publicConfigMayBeCachedBrieflyByAnyoneAndRevalidatedWithItsTag() {
        String etag = client.get().uri("/api/v1/widget/open-shop").exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("public", "max-age=60"))
                .expectHeader().value(HttpHeaders.ETAG, tag -> assertThat(tag).matches("\"[0-9a-f]{32}\""))
                .returnResult(String.class).getResponseHeaders().getETag();

        client.get().uri("/api/v1/widget/open-shop").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectBody().isEmpty();
        client.get().uri("/api/v1/widget/open-shop").header(HttpHeaders.IF_NONE_MATCH, "\"stale\"").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.clientKey").isEqualTo("open-shop");
    }

    @Test
    void aChangedConfigGetsANewTag() {
        String before = client.get().uri("/api/v1/widget/open-shop").exchange()
                .returnResult(String.class).getResponseHeaders().getETag();
        Tenant shop = tenants.findByClientKey(ClientKey.of("open-shop")).block();
        tenants.update(shop.withBranding(new Branding("Renamed Shop", shop.branding().buttonEmoji(), null,
                shop.branding().firstMessage(), shop.branding().font(), shop.branding().primaryColor(),
                shop.branding().textColor(), shop.branding().position()))).block();

        client.get().uri("/api/v1/widget/open-shop").header(HttpHeaders.IF_NONE_MATCH, before).exchange()
                .expectStatus().isOk()
                .expectHeader().value(HttpHeaders.ETAG, after -> assertThat(after).isNotEqualTo(before))
                .expectBody().jsonPath("$.title").isEqualTo("Renamed Shop");
    }

    @Test
    void allowedOriginIsEchoed() {
        client.get().uri("/api/v1/widget/open-shop").header(HttpHeaders.ORIGIN, ALLOWED).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
                .expectHeader().value(HttpHeaders.VARY, vary -> assertThat(vary).contains(HttpHeaders.ORIGIN));

        client.get().uri("/api/v1/widget/open-shop").header(HttpHeaders.ORIGIN, "http://localhost:8080").exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "http://localhost:8080");
    }

    @Test
    void otherOriginsAreForbiddenWithoutCorsHeaders() {
        for (String origin : new String[] {EVIL, "http://bakery.example", "https://bakery.example:8443",
                "http://localhost:3000", "null"}) {
            client.get().uri("/api/v1/widget/open-shop").header(HttpHeaders.ORIGIN, origin).exchange()
                    .expectStatus().isForbidden()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                    .expectBody().jsonPath("$.type").isEqualTo("urn:concierge:problem:forbidden-origin");
        }
    }

    @Test
    void unknownPendingSuspendedAndMalformedKeysGetTheSameNotFound() {
        for (String key : new String[] {"pending-shop", "closed-shop", "no-such-shop", "Not_A_Key"}) {
            client.get().uri("/api/v1/widget/" + key).header(HttpHeaders.ORIGIN, ALLOWED).exchange()
                    .expectStatus().isNotFound()
                    .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                    .expectBody()
                    .jsonPath("$.title").isEqualTo("Not found")
                    .jsonPath("$.detail").isEqualTo("Nothing is published under this address.");
        }
    }

    @Test
    void preflightFromAllowedOriginIsAnswered() {
        client.options().uri("/api/v1/widget/open-shop/echo")
                .header(HttpHeaders.ORIGIN, ALLOWED)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS, "content-type")
                .exchange()
                .expectStatus().isNoContent()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, m -> assertThat(m).contains("POST"))
                .expectHeader().value(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS,
                        h -> assertThat(h).containsIgnoringCase("content-type"))
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
    }

    @Test
    void preflightFromOtherOriginOrForOtherMethodsIsRefused() {
        client.options().uri("/api/v1/widget/open-shop/echo")
                .header(HttpHeaders.ORIGIN, EVIL)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS);

        client.options().uri("/api/v1/widget/open-shop/echo")
                .header(HttpHeaders.ORIGIN, ALLOWED)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "DELETE")
                .exchange()
                .expectStatus().isForbidden()
                .expectHeader().doesNotExist(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN);

        client.options().uri("/api/v1/widget/pending-shop/echo")
                .header(HttpHeaders.ORIGIN, ALLOWED)
                .header(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, "POST")
                .exchange()
                .expectStatus().isNotFound();
    }

    @Test
    void stateChangingRequestsNeedAnAllowedOrigin() {
        client.post().uri("/api/v1/widget/open-shop/echo").exchange()
                .expectStatus().isForbidden()
                .expectBody().jsonPath("$.detail").value(String.class, d -> assertThat(d).contains("allowed origins"));

        client.post().uri("/api/v1/widget/open-shop/echo").header(HttpHeaders.ORIGIN, EVIL).exchange()
                .expectStatus().isForbidden();

        client.method(HttpMethod.POST).uri("/api/v1/widget/open-shop/echo").header(HttpHeaders.ORIGIN, ALLOWED).exchange()
                .expectStatus().isOk()
                .expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, ALLOWED)
                .expectBody()
                .jsonPath("$.echo").isEqualTo("ok")
                .jsonPath("$.tenant").isEqualTo("open-shop");
    }
}
