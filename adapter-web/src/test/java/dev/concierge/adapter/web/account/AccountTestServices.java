package dev.concierge.adapter.web.account;

import dev.concierge.application.port.in.AuthenticateUseCase;
import dev.concierge.application.port.in.ChangePasswordUseCase;
import dev.concierge.application.port.in.LogInUseCase;
import dev.concierge.application.port.in.MailAdministrationUseCase;
import dev.concierge.application.port.in.PasswordResetUseCase;
import dev.concierge.application.port.in.RevokeSessionsUseCase;
import dev.concierge.application.port.in.VerifyAddressUseCase;
import dev.concierge.application.service.AddressVerificationService;
import dev.concierge.application.service.AuthenticateService;
import dev.concierge.application.service.ChangePasswordService;
import dev.concierge.application.service.LogInService;
import dev.concierge.application.service.MailAdministrationService;
import dev.concierge.application.service.OwnSettingsService;
import dev.concierge.application.service.PasswordResetService;
import dev.concierge.application.service.PlatformAdmin;
import dev.concierge.application.service.RevokeSessionsService;
import dev.concierge.application.service.SignInLimits;
import dev.concierge.application.service.SignInProtection;
import dev.concierge.application.service.TenantAdministrationService;
import dev.concierge.application.testing.InMemoryAttemptCounters;
import dev.concierge.application.port.in.BookSlotUseCase;
import dev.concierge.application.port.in.ChatUseCase;
import dev.concierge.application.port.in.ConversationsUseCase;
import dev.concierge.application.port.out.AssistantEvent;
import dev.concierge.application.port.out.AssistantPort;
import dev.concierge.application.service.ChatPolicy;
import dev.concierge.application.service.ChatService;
import dev.concierge.application.service.ConversationsService;
import dev.concierge.application.testing.InMemoryConversations;
import dev.concierge.application.testing.InMemoryUsageCounters;
import dev.concierge.application.port.in.BookingDecisionUseCase;
import dev.concierge.application.port.in.FreeSlotsUseCase;
import dev.concierge.application.port.in.LoadWidgetUseCase;
import dev.concierge.application.port.in.ManageAvailabilityUseCase;
import dev.concierge.application.service.AvailabilityService;
import dev.concierge.application.service.BookSlotService;
import dev.concierge.application.service.BookingDecisionService;
import dev.concierge.application.service.FreeSlotsService;
import dev.concierge.application.service.LoadWidgetService;
import dev.concierge.application.testing.InMemoryAvailabilityRules;
import dev.concierge.application.testing.InMemoryBookings;
import dev.concierge.application.testing.InMemoryOneTimeTokens;
import dev.concierge.domain.booking.BookingPolicy;
import dev.concierge.application.testing.InMemoryPasswordHasher;
import dev.concierge.application.testing.InMemoryRollingLimits;
import dev.concierge.application.testing.InMemorySessionTokens;
import dev.concierge.application.testing.InMemoryTenants;
import dev.concierge.application.testing.InMemoryTransactions;
import dev.concierge.application.testing.RecordingSecurityEvents;
import dev.concierge.application.testing.TestClock;
import dev.concierge.application.testing.TestMail;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.Owner;
import dev.concierge.domain.tenant.PlainPassword;
import dev.concierge.domain.tenant.Tenant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/**
 * The real account services on in-memory stores, registered as the use-case beans the account and admin web
 * configurations need, so endpoint tests exercise the whole behaviour behind each route.
 */
public final class AccountTestServices {

    public static final String PASSWORD = "Sunrise42";
    public static final String ADMIN_EMAIL = "admin@platform.example";
    public static final String ADMIN_PASSWORD = "Platform-Admin-2026";

    public final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    public final InMemoryTenants tenants = new InMemoryTenants();
    public final InMemoryPasswordHasher hasher = new InMemoryPasswordHasher();
    public final InMemorySessionTokens tokens = new InMemorySessionTokens();
    public final RecordingSecurityEvents events = new RecordingSecurityEvents();
    private final Optional<PlatformAdmin> admin = Optional.of(new PlatformAdmin(EmailAddress.of(ADMIN_EMAIL),
            hasher.hash(PlainPassword.of(ADMIN_PASSWORD)).block()));
    private final SignInProtection protection =
            new SignInProtection(new InMemoryAttemptCounters(), SignInLimits.defaults(), events);
    public final TestMail mail = new TestMail(clock);
    public final InMemoryOneTimeTokens oneTimeTokens = new InMemoryOneTimeTokens();
    private final InMemoryRollingLimits limits = new InMemoryRollingLimits();
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    public final AddressVerificationService verification = new AddressVerificationService(tenants, oneTimeTokens,
            limits, mail.mailer, mail.links, transactions, events, clock);
    public final InMemoryAvailabilityRules availabilityRules = new InMemoryAvailabilityRules();
    public final InMemoryBookings bookings = new InMemoryBookings();
    public final InMemoryConversations conversations = new InMemoryConversations();
    /** What the assistant answers; tests replace it. */
    public volatile AssistantPort assistant = request -> reactor.core.publisher.Flux.just(
            new AssistantEvent.TextDelta("Hello"), new AssistantEvent.TextDelta(" there"),
            new AssistantEvent.Usage(3, 2));

    /** Stores the tenant with an owner whose password is {@link #PASSWORD}. */
    public Tenant add(Tenant tenant) {
        return tenants.add(tenant.withOwner(new Owner(tenant.owner().email(),
                hasher.hash(PlainPassword.of(PASSWORD)).block()))).block();
    }

    public void register(AnnotationConfigApplicationContext context) {
        OwnSettingsService settings = new OwnSettingsService(tenants, changed -> { }, events, clock);
        TenantAdministrationService administration = new TenantAdministrationService(tenants, changed -> { }, events,
                transactions, mail.mailer, mail.links, clock);
        context.registerBean(Clock.class, () -> clock);
        // For configurations that make their own token port; the services here use the in-memory one.
        context.registerBean(dev.concierge.adapter.web.security.SessionTokenSettings.class,
                () -> dev.concierge.adapter.web.security.SessionTokenSettings.withSecret(
                        dev.concierge.adapter.web.security.SessionTokenSettings.randomSecret()));
        context.registerBean(LogInUseCase.class,
                () -> new LogInService(tenants, hasher, tokens, protection, events, admin, clock));
        context.registerBean(AuthenticateUseCase.class, () -> new AuthenticateService(tokens, tenants, admin, clock));
        // One bean each for the services that implement several use cases.
        context.registerBean(OwnSettingsService.class, () -> settings);
        context.registerBean(ChangePasswordUseCase.class,
                () -> new ChangePasswordService(tenants, hasher, tokens, protection, events, transactions, mail.mailer,
                        mail.links, clock));
        context.registerBean(RevokeSessionsUseCase.class, () -> new RevokeSessionsService(tenants, events, clock));
        context.registerBean(TenantAdministrationService.class, () -> administration);
        context.registerBean(PasswordResetUseCase.class, () -> new PasswordResetService(tenants, oneTimeTokens, limits,
                hasher, protection, mail.mailer, mail.links, transactions, events, clock, Duration.ZERO));
        context.registerBean(VerifyAddressUseCase.class, () -> verification);
        context.registerBean(MailAdministrationUseCase.class,
                () -> new MailAdministrationService(mail.outbox, events, clock));
        FreeSlotsService slots = new FreeSlotsService(availabilityRules, bookings, BookingPolicy.defaults(), clock);
        context.registerBean(LoadWidgetUseCase.class, () -> new LoadWidgetService(tenants));
        context.registerBean(ManageAvailabilityUseCase.class, () -> new AvailabilityService(availabilityRules));
        context.registerBean(FreeSlotsUseCase.class, () -> slots);
        context.registerBean(BookSlotUseCase.class, () -> new BookSlotService(tenants, availabilityRules, bookings,
                slots, oneTimeTokens, mail.mailer, mail.links, transactions, clock));
        context.registerBean(BookingDecisionUseCase.class, () -> new BookingDecisionService(tenants, bookings,
                oneTimeTokens, mail.mailer, mail.links, transactions, clock));
        context.registerBean(ChatUseCase.class, () -> new ChatService(tenants, conversations,
                request -> assistant.respond(request), slots, limits, new InMemoryAttemptCounters(),
                new InMemoryUsageCounters(), ChatPolicy.defaults(), clock));
        context.registerBean(ConversationsUseCase.class, () -> new ConversationsService(conversations));
    }
}
