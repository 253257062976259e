package dev.concierge.adapter.persistence;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.attempt.R2dbcAttemptCounters;
import dev.concierge.adapter.persistence.availability.R2dbcAvailabilityRules;
import dev.concierge.adapter.persistence.booking.R2dbcBookings;
import dev.concierge.adapter.persistence.chat.R2dbcConversations;
import dev.concierge.adapter.persistence.limit.R2dbcRollingLimits;
import dev.concierge.adapter.persistence.mail.R2dbcMailOutbox;
import dev.concierge.adapter.persistence.tenant.R2dbcTenants;
import dev.concierge.adapter.persistence.testing.TestH2;
import dev.concierge.adapter.persistence.token.R2dbcOneTimeTokens;
import dev.concierge.adapter.persistence.usage.R2dbcUsageCounters;
import dev.concierge.application.port.out.AttemptCounters;
import dev.concierge.application.port.out.AvailabilityRules;
import dev.concierge.application.port.out.Bookings;
import dev.concierge.application.port.out.Conversations;
import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.MailOutbox;
import dev.concierge.application.port.out.OneTimeTokens;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.application.port.out.RollingLimits;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.port.out.UsageCounters;
import dev.concierge.domain.account.Attempts;
import dev.concierge.domain.account.RollingLimit;
import dev.concierge.domain.booking.AvailabilityRule;
import dev.concierge.domain.booking.AvailabilityRuleId;
import dev.concierge.domain.booking.Booking;
import dev.concierge.domain.booking.BookingId;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.booking.Recurrence;
import dev.concierge.domain.booking.Visitor;
import dev.concierge.domain.chat.ChatMessage;
import dev.concierge.domain.chat.Conversation;
import dev.concierge.domain.chat.ConversationId;
import dev.concierge.domain.chat.MessageRole;
import dev.concierge.domain.chat.VisitorId;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.token.OneTimeToken;
import dev.concierge.domain.token.SecretToken;
import dev.concierge.domain.token.TokenPurpose;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class PersistenceConfigurationTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static TestH2 h2;
    private static AnnotationConfigApplicationContext context;

    @BeforeAll
    static void start() {
        h2 = TestH2.migrated();
        context = new AnnotationConfigApplicationContext();
        context.registerBean(ConnectionFactory.class, h2::connectionFactory);
        context.register(PersistenceConfiguration.class);
        context.refresh();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void exposesTenantsStoredThroughTheApplicationsConnectionFactory() {
        Tenant tenant = activeTenant().build();

        context.getBean(Tenants.class).add(tenant).block(TIMEOUT);

        Tenants readDirectly = R2dbcTenants.using(h2.connectionFactory(), Clock.systemUTC());
        assertThat(readDirectly.findByClientKey(tenant.clientKey()).block(TIMEOUT)).isEqualTo(tenant);
    }

    @Test
    void tenantsTakePartInTheTransactionsOfTheTransactionsBean() {
        Tenants tenants = context.getBean(Tenants.class);
        Tenant tenant = activeTenant().build();

        StepVerifier.create(context.getBean(Transactions.class)
                        .inTransaction(tenants.add(tenant).then(Mono.error(new IllegalStateException("rolled back")))))
                .expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(tenants.findById(tenant.id())).expectComplete().verify(TIMEOUT);
    }

    @Test
    void exposesAttemptCountersThatTakePartInTheTransactionsOfTheTransactionsBean() {
        AttemptCounters counters = context.getBean(AttemptCounters.class);
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        Instant later = now.plusSeconds(60);

        StepVerifier.create(context.getBean(Transactions.class)
                        .inTransaction(counters.increment("rolled-back", now, later)
                                .then(Mono.error(new IllegalStateException("rolled back")))))
                .expectError(IllegalStateException.class).verify(TIMEOUT);
        counters.increment("kept", now, later).block(TIMEOUT);

        AttemptCounters readDirectly = R2dbcAttemptCounters.using(h2.connectionFactory());
        StepVerifier.create(readDirectly.find("rolled-back", now)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(readDirectly.find("kept", now)).expectNext(new Attempts(1, now)).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void exposesTokensLimitsAndOutboxUnderTheirNamesTakingPartInTheTransactionsOfTheTransactionsBean() {
        Tenant tenant = context.getBean(Tenants.class).add(activeTenant().build()).block(TIMEOUT);
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        OneTimeTokens tokens = context.getBean("oneTimeTokens", OneTimeTokens.class);
        RollingLimits limits = context.getBean("rollingLimits", RollingLimits.class);
        MailOutbox outbox = context.getBean("mailOutbox", MailOutbox.class);
        OneTimeToken token = OneTimeToken.issue(SecretToken.generate(), TokenPurpose.PASSWORD_RESET, tenant.id(),
                OneTimeToken.OWNER, now);
        UUID mailId = UUID.randomUUID();
        OutgoingMail mail = new OutgoingMail(mailId, "<" + mailId + "@concierge.example>", tenant.id(),
                tenant.owner().email(), new MailContent("Reset", "Your link", "<p>Your link</p>"), now);

        StepVerifier.create(context.getBean(Transactions.class).inTransaction(limits
                        .tryAcquire("reset:" + tenant.id(), RollingLimit.PASSWORD_RESET_MAILS, now)
                        .then(tokens.add(token))
                        .then(outbox.enqueue(mail))
                        .then(Mono.error(new IllegalStateException("rolled back")))))
                .expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(R2dbcOneTimeTokens.using(h2.connectionFactory()).find(token.purpose(), token.hash(), now))
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(R2dbcMailOutbox.using(h2.connectionFactory()).findById(mailId)).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(R2dbcRollingLimits.using(h2.connectionFactory())
                        .purgeExpired(now.plus(RollingLimit.PASSWORD_RESET_MAILS.window())))
                .expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void exposesAvailabilityRulesAndBookingsUnderTheirNamesTakingPartInTheTransactionsOfTheTransactionsBean() {
        Tenant tenant = context.getBean(Tenants.class).add(activeTenant().build()).block(TIMEOUT);
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        AvailabilityRules rules = context.getBean("availabilityRules", AvailabilityRules.class);
        Bookings bookings = context.getBean("bookings", Bookings.class);
        AvailabilityRule rule = new AvailabilityRule(AvailabilityRuleId.random(), LocalDate.parse("2026-12-07"),
                LocalTime.of(10, 0), Duration.ofMinutes(30), Recurrence.WEEKLY, null);
        Booking booking = new Booking(BookingId.random(), tenant.id(), now.plusSeconds(3600),
                now.plusSeconds(5400), Visitor.of("Anna", "anna@example.org", null, null), BookingStatus.REQUESTED,
                0, now, now, null, null);

        StepVerifier.create(context.getBean(Transactions.class).inTransaction(rules.add(tenant.id(), rule)
                        .then(bookings.add(booking))
                        .then(Mono.error(new IllegalStateException("rolled back")))))
                .expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(R2dbcAvailabilityRules.using(h2.connectionFactory()).findById(tenant.id(), rule.id()))
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(R2dbcBookings.using(h2.connectionFactory()).findById(tenant.id(), booking.id()))
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.add(booking)).expectNext(booking).expectComplete().verify(TIMEOUT);
    }

    @Test
    void exposesConversationsAndUsageCountersUnderTheirNamesTakingPartInTheTransactionsOfTheTransactionsBean() {
        Tenant tenant = context.getBean(Tenants.class).add(activeTenant().build()).block(TIMEOUT);
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        Conversations conversations = context.getBean("conversations", Conversations.class);
        UsageCounters usage = context.getBean("usageCounters", UsageCounters.class);
        Conversation conversation = Conversation.start(ConversationId.random(), tenant.id(),
                new VisitorId("visitor-0001"), now);
        String key = "tokens:" + tenant.id();

        StepVerifier.create(context.getBean(Transactions.class).inTransaction(conversations.start(conversation)
                        .then(conversations.append(tenant.id(), conversation.id(),
                                new ChatMessage(MessageRole.USER, "Hallo", now, 2)))
                        .then(usage.add(key, 2, now, now.plusSeconds(60)))
                        .then(Mono.error(new IllegalStateException("rolled back")))))
                .expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(R2dbcConversations.using(h2.connectionFactory()).find(tenant.id(), conversation.id()))
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(R2dbcUsageCounters.using(h2.connectionFactory()).find(key, now)).expectNext(0L)
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.start(conversation)).expectNext(conversation).expectComplete()
                .verify(TIMEOUT);
    }
}
