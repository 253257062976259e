package dev.concierge.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.in.LoadWidgetUseCase;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The published OpenAPI document describes every route the controllers map, with the right methods.
 */
class OpenApiDocumentTest {

    private final GenericApplicationContext context = TestWebApplication.context(registrations -> {
        registrations.registerBean(LoadWidgetUseCase.class, () -> key -> Mono.empty());
        registrations.registerBean(SignUpTenantUseCase.class, () -> (command, from) -> Mono.empty());
        new dev.concierge.adapter.web.account.AccountTestServices().register(registrations);
    }, WebAdapterConfiguration.class);

    private static JsonNode document() throws IOException {
        try (InputStream in = OpenApiDocumentTest.class.getResourceAsStream("/static/openapi.yaml")) {
            return new YAMLMapper().readTree(in);
        }
    }

    @Test
    void documentsEveryMappedRouteAndMethod() throws IOException {
        JsonNode paths = document().get("paths");
        RequestMappingHandlerMapping mapping = context.getBean(RequestMappingHandlerMapping.class);

        assertThat(mapping.getHandlerMethods()).isNotEmpty();
        for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
            for (PathPattern pattern : info.getPatternsCondition().getPatterns()) {
                JsonNode path = paths.get(pattern.getPatternString());
                assertThat(path).as("documented path %s", pattern).isNotNull();
                info.getMethodsCondition().getMethods().forEach(method -> assertThat(
                        path.has(method.name().toLowerCase(Locale.ROOT))).as("%s %s", method, pattern).isTrue());
            }
        }
    }

    @Test
    void isServedAsYaml() {
        WebTestClient.bindToApplicationContext(context).build()
                .get().uri("/openapi.yaml").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.parseMediaType("application/yaml"))
                .expectBody(String.class).value(body -> assertThat(body).startsWith("openapi: 3.1.0"));
    }
}
