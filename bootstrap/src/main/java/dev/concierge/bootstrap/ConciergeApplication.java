package dev.concierge.bootstrap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the Concierge server. Only this package is scanned; the core and the adapters are wired explicitly in
 * {@link dev.concierge.bootstrap.config.ApplicationWiring}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ConciergeApplication {

    public static void main(String[] args) {
        SpringApplication.run(ConciergeApplication.class, args);
    }
}
