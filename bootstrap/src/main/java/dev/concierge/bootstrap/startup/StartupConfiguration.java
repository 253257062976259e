package dev.concierge.bootstrap.startup;

import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The start-up check of the database and the ready message. */
@Configuration(proxyBeanMethods = false)
public class StartupConfiguration {

    @Bean
    DatabaseStartupCheck databaseStartupCheck(ConnectionFactory connectionFactory) {
        return new DatabaseStartupCheck(connectionFactory, Duration.ofSeconds(30));
    }

    @Bean
    static ReadyMessage readyMessage() {
        return new ReadyMessage();
    }
}
