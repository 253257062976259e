package dev.concierge.bootstrap.demo;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.ConfirmTenantUseCase;
import dev.concierge.application.port.in.SignUpCommand;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.bootstrap.config.ConciergeProperties;
import dev.concierge.bootstrap.security.FirstStartCredentials;
import dev.concierge.domain.tenant.AllowedOrigins;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.ClientKeyTakenException;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantStatus;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import dev.concierge.application.port.in.AvailabilityForm;
import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ManageAvailabilityUseCase;
import dev.concierge.domain.tenant.TenantSettings;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Seeds the active demo tenant (client key {@code demo}) once, through the same use cases a real sign-up and
 * confirmation go through, so that several instances sharing one database agree on it:
 * <ul>
 *   <li>missing: it is created for {@code concierge.demo.origins}, or, when those are not set, for this server's own
 *       localhost origins ({@code http://localhost:PORT}, {@code http://127.0.0.1:PORT});</li>
 *   <li>present: it is left as it is, unless {@code concierge.demo.origins} is set, which then replaces its origins.
 *       Another instance starting on another port therefore never takes the demo away from the first one.</li>
 * </ul>
 * An instance that loses the race to create it adopts the winner's. A demo left pending by an interrupted start is
 * confirmed. The owner's password is generated when the demo is created and printed that once (only its hash is
 * kept), so a newcomer can sign in to the console as the demo owner right after the first start.
 */
public final class DemoTenantSeeder implements ApplicationRunner {

    public static final ClientKey DEMO_KEY = ClientKey.of("demo");
    public static final String DEMO_OWNER = "demo@example.com";
    /** The demo shop keeps its calendar in Berlin time. */
    public static final ZoneId DEMO_ZONE = ZoneId.of("Europe/Berlin");
    private static final Logger log = LoggerFactory.getLogger(DemoTenantSeeder.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Tenants tenants;
    private final SignUpTenantUseCase signUp;
    private final ConfirmTenantUseCase confirm;
    private final ManageAvailabilityUseCase availability;
    private final ConciergeProperties.Demo settings;
    private final Environment environment;

    public DemoTenantSeeder(Tenants tenants, SignUpTenantUseCase signUp, ConfirmTenantUseCase confirm,
            ManageAvailabilityUseCase availability, ConciergeProperties.Demo settings, Environment environment) {
        this.tenants = tenants;
        this.signUp = signUp;
        this.confirm = confirm;
        this.availability = availability;
        this.settings = settings;
        this.environment = environment;
    }

    @Override
    public void run(ApplicationArguments args) {
        int port = environment.getProperty("local.server.port", Integer.class,
                environment.getProperty("server.port", Integer.class, 8080));
        Tenant demo = seed(port).block(TIMEOUT);
        if (demo != null) {
            log.info("Demo tenant '{}' is {} for {}", demo.clientKey().value(), demo.status(),
                    demo.allowedOrigins().values().stream().map(origin -> origin.value()).toList());
        }
    }

    /**
     * Creates the demo tenant if it is missing, or brings an existing one in line with explicitly set origins.
     *
     * @param port this server's HTTP port, for the default origins
     * @return the demo tenant as stored
     */
    public Mono<Tenant> seed(int port) {
        return tenants.findByClientKey(DEMO_KEY)
                .flatMap(this::adjust)
                .switchIfEmpty(Mono.defer(() -> create(port)))
                .flatMap(this::openForAppointments);
    }

    /** The origins a new demo tenant gets when {@code concierge.demo.origins} is not set. */
    public static List<String> localOrigins(int port) {
        return List.of("http://localhost:" + port, "http://127.0.0.1:" + port);
    }

    private Mono<Tenant> adjust(Tenant demo) {
        Mono<Tenant> withOrigins = Mono.just(demo);
        if (settings.originsSet()) {
            AllowedOrigins wanted = AllowedOrigins.parse(settings.origins());
            if (!demo.allowedOrigins().equals(wanted)) {
                withOrigins = tenants.update(demo.withAllowedOrigins(wanted));
            }
        }
        return withOrigins.flatMap(tenant -> tenant.status() == TenantStatus.PENDING
                ? confirm.confirm(tenant.id(), ClientAddress.INTERNAL) : Mono.just(tenant));
    }

    private Mono<Tenant> create(int port) {
        List<String> origins = settings.originsSet() ? settings.origins() : localOrigins(port);
        String password = randomPassword();
        return signUp.signUp(SignUpCommand.of(DEMO_OWNER, password, "Concierge Demo Shop", DEMO_KEY.value(),
                        origins, DEMO_ZONE.getId()), ClientAddress.INTERNAL)
                .doOnNext(created -> FirstStartCredentials.print("demo owner", DEMO_OWNER, password,
                        "Sign in to the console with it; change it there."))
                .flatMap(tenant -> confirm.confirm(tenant.id(), ClientAddress.INTERNAL))
                // Another instance on the same database created it first: use theirs.
                .onErrorResume(ClientKeyTakenException.class,
                        taken -> tenants.findByClientKey(DEMO_KEY).flatMap(this::adjust));
    }

    /**
     * A demo without availability (new, or made by a version without appointments) gets appointments on and weekly
     * slots of 30 minutes on weekdays from 9:00 to 17:00 in its time zone, so that the demo page can book at once.
     * A demo whose owner has set up availability keeps it.
     */
    private Mono<Tenant> openForAppointments(Tenant demo) {
        Caller.OwnerCaller owner = new Caller.OwnerCaller(demo.id());
        return availability.list(owner).hasElements().flatMap(hasRules -> {
            if (hasRules) {
                return Mono.just(demo);
            }
            TenantSettings current = demo.settings();
            Mono<Tenant> enabled = current.appointmentsEnabled() ? Mono.just(demo)
                    : tenants.update(demo.withSettings(new TenantSettings(current.displayName(), current.branding(),
                            current.systemPrompt(), current.language(), current.allowedOrigins(), true,
                            current.timeZone())));
            LocalDate monday = LocalDate.now(demo.timeZone()).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            return enabled.flatMap(tenant -> Flux.range(0, 5)
                    .concatMap(day -> Flux.range(0, 16).concatMap(slot -> availability.create(owner,
                            new AvailabilityForm(monday.plusDays(day).toString(),
                                    LocalTime.of(9, 0).plusMinutes(30L * slot).toString(), 30, "WEEKLY", null))))
                    .then(Mono.fromRunnable(() -> log.info("Demo tenant '{}' takes appointments on weekdays,"
                            + " 9:00 to 17:00 ({})", tenant.clientKey().value(), tenant.timeZone())))
                    .thenReturn(tenant));
        });
    }

    private static String randomPassword() {
        SecureRandom random = new SecureRandom();
        String alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder password = new StringBuilder("Demo1-");
        for (int i = 0; i < 16; i++) {
            password.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return password.toString();
    }
}
