package dev.concierge.adapter.web.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.web.TestWebApplication;
import dev.concierge.application.port.in.LoadWidgetUseCase;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

class StaticAssetsTest {

    private final WebTestClient client = TestWebApplication.start(context -> {
        context.registerBean(LoadWidgetUseCase.class, () -> key -> Mono.empty());
        context.registerBean(SignUpTenantUseCase.class, () -> command -> Mono.empty());
    });

    @Test
    void loadsEveryFileOfTheFolderAndIndexPagesAtTheirFolder() {
        assertThat(StaticAssets.load("static").paths()).contains("/test-widget.js", "/docs/index.html", "/docs/");
    }

    @Test
    void servesScriptsWithTypeValidatorAndCaching() {
        String etag = client.get().uri("/test-widget.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/javascript"))
                .expectHeader().value(HttpHeaders.CACHE_CONTROL, cache -> assertThat(cache).contains("max-age=300"))
                .expectBody(String.class).value(body -> assertThat(body).contains("test asset"))
                .returnResult().getResponseHeaders().getETag();

        client.get().uri("/test-widget.js").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
                .expectStatus().isNotModified()
                .expectBody().isEmpty();
    }

    @Test
    void servesIndexPagesAtTheirFolder() {
        client.get().uri("/docs/").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
    }

    @Test
    void otherPathsFallThroughToTheProblemAnswer() {
        client.get().uri("/missing.js").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }
}
