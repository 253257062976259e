package dev.concierge.bootstrap.demo;

import dev.concierge.application.port.in.ConfirmTenantUseCase;
import dev.concierge.application.port.in.SignUpCommand;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.domain.tenant.AllowedOrigins;
import dev.concierge.domain.tenant.ClientKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Mono;

/**
 * Seeds an active demo tenant (client key {@code demo}) on first start, through the same use cases a real sign-up
 * and confirmation go through. Its origins are this server's own localhost addresses, kept up to date when the port
 * changes, so the demo page served at {@code /} can embed the widget. The owner's password is random and never shown: the demo owner signs in only after
 * a password reset.
 */
public final class DemoTenantSeeder implements ApplicationRunner {

    public static final ClientKey DEMO_KEY = ClientKey.of("demo");
    private static final Logger log = LoggerFactory.getLogger(DemoTenantSeeder.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Tenants tenants;
    private final SignUpTenantUseCase signUp;
    private final ConfirmTenantUseCase confirm;
    private final Environment environment;

    public DemoTenantSeeder(Tenants tenants, SignUpTenantUseCase signUp, ConfirmTenantUseCase confirm,
            Environment environment) {
        this.tenants = tenants;
        this.signUp = signUp;
        this.confirm = confirm;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        List<String> origins = List.of("http://localhost:" + port, "http://127.0.0.1:" + port);
        AllowedOrigins ownOrigins = AllowedOrigins.parse(origins);
        tenants.findByClientKey(DEMO_KEY)
                .flatMap(demo -> demo.allowedOrigins().equals(ownOrigins) ? Mono.just(demo)
                        // The server may run on another port than last time: the demo follows it.
                        : tenants.update(demo.withAllowedOrigins(ownOrigins)))
                .switchIfEmpty(Mono.defer(() -> signUp.signUp(SignUpCommand.of("demo@example.com", randomPassword(),
                                "Concierge Demo Shop", DEMO_KEY.value(), origins))
                        .flatMap(tenant -> confirm.confirm(tenant.id()))))
                .doOnNext(demo -> log.info("Demo tenant '{}' is active for {}", demo.clientKey(), origins))
                .block(TIMEOUT);
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder("Demo1");
        for (int i = 0; i < 24; i++) {
            password.append((char) ('a' + random.nextInt(26)));
        }
        return password.toString();
    }
}
