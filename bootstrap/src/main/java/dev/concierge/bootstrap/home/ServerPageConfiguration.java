package dev.concierge.bootstrap.home;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * Without the demo, {@code /} answers a neutral page that names the server and links to its API description and
 * health, instead of a demo shop for a tenant that does not exist.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty(name = "concierge.demo.enabled", havingValue = false, matchIfMissing = true)
public class ServerPageConfiguration {

    @Bean
    RouterFunction<ServerResponse> serverPageRoute() {
        return HomePage.at("pages/server.html");
    }
}
