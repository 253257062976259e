package dev.concierge.adapter.web.assets;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.web.TestWebApplication;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

class StaticAssetsTest {

    private final WebTestClient client = TestWebApplication.start(context -> {
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
    void answersHeadLikeGetWithoutTheBody() {
        String etag = client.get().uri("/test-widget.js").exchange()
                .returnResult(String.class).getResponseHeaders().getETag();

        client.head().uri("/test-widget.js").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("text/javascript"))
                .expectHeader().valueEquals(HttpHeaders.ETAG, etag)
                .expectBody().isEmpty();
        client.head().uri("/docs/").exchange().expectStatus().isOk();
        client.head().uri("/missing.js").exchange().expectStatus().isNotFound();
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
