package dev.concierge.adapter.web;

import dev.concierge.adapter.web.support.WebSupportConfiguration;
import java.util.function.Consumer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.config.EnableWebFlux;

/**
 * Starts the web adapter in a plain Spring context, with the shared web support, the feature configurations a test
 * names and whatever use cases it registers, and binds a {@link WebTestClient} to it. No server socket and no Spring
 * Boot. A feature whose use case is not registered fails to start, so each test registers exactly what it exercises.
 */
public final class TestWebApplication {

    private TestWebApplication() {
    }

    public static WebTestClient start(Consumer<AnnotationConfigApplicationContext> registrations, Class<?>... features) {
        // Refusals that slow a client down are held up to seven and a half seconds before they are answered.
        return WebTestClient.bindToApplicationContext(context(registrations, features)).configureClient()
                .responseTimeout(java.time.Duration.ofSeconds(15)).build();
    }

    /** The refreshed application context, for tests that inspect the routes themselves. */
    public static AnnotationConfigApplicationContext context(Consumer<AnnotationConfigApplicationContext> registrations,
            Class<?>... features) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.register(WebFlux.class);
        if (features.length > 0) {
            context.register(features);
        }
        registrations.accept(context);
        context.refresh();
        return context;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebFlux
    @Import(WebSupportConfiguration.class)
    static class WebFlux {
    }
}
