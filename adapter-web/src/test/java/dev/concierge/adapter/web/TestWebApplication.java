package dev.concierge.adapter.web;

import java.util.function.Consumer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.config.EnableWebFlux;

/**
 * Starts the web adapter in a plain Spring context, with whatever use cases a test registers, and binds a
 * {@link WebTestClient} to it. No server socket and no Spring Boot.
 */
public final class TestWebApplication {

    private TestWebApplication() {
    }

    public static WebTestClient start(Consumer<AnnotationConfigApplicationContext> registrations) {
        return WebTestClient.bindToApplicationContext(context(registrations)).build();
    }

    /** The refreshed application context, for tests that inspect the routes themselves. */
    public static AnnotationConfigApplicationContext context(Consumer<AnnotationConfigApplicationContext> registrations) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        context.register(WebFlux.class);
        registrations.accept(context);
        context.refresh();
        return context;
    }

    @Configuration(proxyBeanMethods = false)
    @EnableWebFlux
    @Import(WebAdapterConfiguration.class)
    static class WebFlux {
    }
}
