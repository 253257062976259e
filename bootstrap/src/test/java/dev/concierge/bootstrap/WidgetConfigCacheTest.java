package dev.concierge.bootstrap;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.ConfirmTenantUseCase;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.ClientKey;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The widget's public configuration is cached per instance, yet a change made through this instance shows at once,
 * and clients revalidate it cheaply.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "concierge.data-dir=target/test-data/widget-cache")
class WidgetConfigCacheTest {

    @Value("${local.server.port}")
    int port;

    @Autowired
    Tenants tenants;

    @Autowired
    ConfirmTenantUseCase confirm;

    private WebTestClient client() {
        return TestClients.onPort(port);
    }

    @Test
    void aTenantConfirmedOnThisInstanceIsServedAtOnceDespiteTheCachedNotFound() {
        String key = "cached-" + UUID.randomUUID().toString().substring(0, 8);
        client().post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON).bodyValue("""
                {"ownerEmail": "%s@owner.example", "password": "Sunrise42", "displayName": "Cached Shop",
                 "clientKey": "%s", "allowedOrigins": ["https://cached.example"]}
                """.formatted(key, key)).exchange()
                .expectStatus().isCreated();
        client().get().uri("/api/v1/widget/" + key).exchange().expectStatus().isNotFound();

        confirm.confirm(tenants.findByClientKey(ClientKey.of(key)).block().id(), ClientAddress.INTERNAL).block();

        client().get().uri("/api/v1/widget/" + key).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.title").isEqualTo("Cached Shop");
    }

    @Test
    void anUnchangedConfigIsRevalidatedWithoutABody() {
        String etag = client().get().uri("/api/v1/widget/demo").exchange()
                .expectStatus().isOk()
                .returnResult(String.class).getResponseHeaders().getETag();

        client().get().uri("/api/v1/widget/demo").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectBody().isEmpty();
    }
}
