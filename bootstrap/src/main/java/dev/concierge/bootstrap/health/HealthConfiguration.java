package dev.concierge.bootstrap.health;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Adjustments to the actuator's health endpoint. */
@Configuration(proxyBeanMethods = false)
public class HealthConfiguration {

    @Bean
    UnknownHealthPathFilter unknownHealthPathFilter(
            @Value("${management.endpoints.web.base-path:/actuator}") String actuatorBasePath) {
        return new UnknownHealthPathFilter(actuatorBasePath + "/health");
    }
}
