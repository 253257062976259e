package dev.concierge.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.in.AvailabilityForm;
import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ChatCommand;
import dev.concierge.application.port.in.ChatEvent;
import dev.concierge.application.port.in.PublishedWidget;
import dev.concierge.application.port.out.AssistantEvent;
import dev.concierge.application.port.out.AssistantPort;
import dev.concierge.application.port.out.AssistantRequest;
import dev.concierge.application.port.out.AssistantTurn;
import dev.concierge.application.port.out.AssistantUnavailableException;
import dev.concierge.application.port.out.RollingLimits;
import dev.concierge.application.testing.InMemoryAttemptCounters;
import dev.concierge.application.testing.InMemoryAvailabilityRules;
import dev.concierge.application.testing.InMemoryBookings;
import dev.concierge.application.testing.InMemoryConversations;
import dev.concierge.application.testing.InMemoryRollingLimits;
import dev.concierge.application.testing.InMemoryTenants;
import dev.concierge.application.testing.InMemoryUsageCounters;
import dev.concierge.application.testing.TestClock;
import dev.concierge.domain.account.RateLimit;
import dev.concierge.domain.account.RollingLimit;
import dev.concierge.domain.booking.BookingPolicy;
import dev.concierge.domain.chat.ChatMessage;
import dev.concierge.domain.chat.ConversationId;
import dev.concierge.domain.chat.MessageRole;
import dev.concierge.domain.tenant.Language;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantFixtures;
import dev.concierge.domain.tenant.TenantSettings;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class ChatServiceTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryConversations conversations = new InMemoryConversations();
    private final InMemoryAvailabilityRules rules = new InMemoryAvailabilityRules();
    private final InMemoryBookings bookings = new InMemoryBookings();
    private final FreeSlotsService slots = new FreeSlotsService(rules, bookings, BookingPolicy.defaults(), clock);
    private final List<AssistantRequest> requests = new ArrayList<>();
    private Function<AssistantRequest, Flux<AssistantEvent>> model = request -> Flux.just(
            new AssistantEvent.TextDelta("Hello"), new AssistantEvent.TextDelta(", how can I help?"),
            new AssistantEvent.Usage(12, 5));
    private final AssistantPort assistant = request -> {
        requests.add(request);
        return model.apply(request);
    };
    private final InMemoryUsageCounters usage = new InMemoryUsageCounters();
    private ChatPolicy policy = ChatPolicy.defaults();
    private final Tenant tenant = tenants.add(withAppointments(TenantFixtures.activeTenant().build())).block();
    private final PublishedWidget widget = PublishedWidget.of(tenant);

    private ChatService service() {
        return service(new InMemoryRollingLimits());
    }

    private ChatService service(RollingLimits rollingLimits) {
        return new ChatService(tenants, conversations, assistant, slots, rollingLimits,
                new InMemoryAttemptCounters(), usage, policy, clock);
    }

    private static Tenant withAppointments(Tenant tenant) {
        TenantSettings current = tenant.settings();
        return tenant.withSettings(new TenantSettings(current.displayName(), current.branding(),
                "You are the baker's assistant.", Language.EN, current.allowedOrigins(), true,
                ZoneId.of("Europe/Berlin")));
    }

    private List<ChatEvent> say(String message, ConversationId conversation) {
        return service().chat(widget, ChatCommand.of("visitor-123", conversation == null ? null
                : conversation.toString(), message)).collectList().block();
    }

    private static RollingLimits slowly(RollingLimits limits) {
        return new RollingLimits() {
            @Override
            public Mono<Boolean> tryAcquire(String key, RollingLimit limit, Instant now) {
                return limits.tryAcquire(key, limit, now).delayElement(Duration.ofMillis(50));
            }

            @Override
            public Mono<Long> purgeExpired(Instant now) {
                return limits.purgeExpired(now);
            }
        };
    }

    private static ChatEvent.Done done(List<ChatEvent> events) {
        return (ChatEvent.Done) events.get(events.size() - 1);
    }

    @Test
    void theReplyStreamsAndBothMessagesAreStoredWithTheSystemPromptFirstNextTime() {
        List<ChatEvent> first = say("Do you bake rye bread?", null);

        assertThat(first).startsWith(new ChatEvent.Delta("Hello"), new ChatEvent.Delta(", how can I help?"));
        ChatEvent.Done done = done(first);
        assertThat(done.inputTokens()).isEqualTo(12);
        assertThat(done.fallback()).isFalse();

        say("And on Sundays?", done.conversationId());

        AssistantRequest second = requests.get(1);
        assertThat(second.systemPrompt()).isEqualTo("You are the baker's assistant.");
        assertThat(second.history()).containsExactly(new AssistantTurn.User("Do you bake rye bread?"),
                new AssistantTurn.Assistant("Hello, how can I help?", List.of()),
                new AssistantTurn.User("And on Sundays?"));
        assertThat(conversations.messages(tenant.id(), done.conversationId(), 100).map(ChatMessage::role)
                .collectList().block()).containsExactly(MessageRole.USER, MessageRole.ASSISTANT, MessageRole.USER,
                MessageRole.ASSISTANT);
        assertThat(usage.find("chat-tokens:" + tenant.id() + ":2026-11-27", clock.instant()).block()).isEqualTo(34);
    }

    @Test
    void theHistoryIsTrimmedOldestFirstToTheBudget() {
        policy = new ChatPolicy(new RollingLimit(100, Duration.ofMinutes(1)), new RateLimit(1000, Duration.ofHours(1)),
                1_000_000, 200, 5, 6);
        ConversationId id = done(say("a".repeat(150), null)).conversationId();

        say("b".repeat(150), id);

        assertThat(requests.get(1).history()).containsExactly(new AssistantTurn.User("b".repeat(150)));
    }

    @Test
    void whenTheModelIsDownTheVisitorGetsAPoliteFallbackAndTheMessageIsKept() {
        new AvailabilityService(rules).create(new Caller.OwnerCaller(tenant.id()),
                new AvailabilityForm("2026-11-30", "10:00", 30, "WEEKLY", null)).block();
        model = request -> Flux.error(new AssistantUnavailableException("provider down", null));

        List<ChatEvent> events = say("Hello?", null);

        assertThat(((ChatEvent.Delta) events.get(0)).text()).contains("can't answer right now", "book");
        assertThat(events).anyMatch(ChatEvent.OfferSlots.class::isInstance);
        assertThat(done(events).fallback()).isTrue();
        assertThat(conversations.messages(tenant.id(), done(events).conversationId(), 10).map(ChatMessage::content)
                .collectList().block()).first().isEqualTo("Hello?");
    }

    @Test
    void bookingWordsOfferRealFreeSlotsWhateverTheModelSays() {
        new AvailabilityService(rules).create(new Caller.OwnerCaller(tenant.id()),
                new AvailabilityForm("2026-11-30", "10:00", 30, "WEEKLY", null)).block();

        List<ChatEvent> events = say("Can I get a Termin next week?", null);

        ChatEvent.OfferSlots offer = events.stream().filter(ChatEvent.OfferSlots.class::isInstance)
                .map(ChatEvent.OfferSlots.class::cast).findFirst().orElseThrow();
        assertThat(offer.slots()).extracting(slot -> slot.start()).first()
                .isEqualTo(Instant.parse("2026-11-30T09:00:00Z"));
    }

    @Test
    void theModelsToolCallsRunForThisTenantAndAnOfferBecomesAnAction() {
        new AvailabilityService(rules).create(new Caller.OwnerCaller(tenant.id()),
                new AvailabilityForm("2026-11-30", "10:00", 30, "WEEKLY", null)).block();
        model = request -> request.history().get(request.history().size() - 1) instanceof AssistantTurn.User
                ? Flux.just(new AssistantEvent.ToolCall("call-1", "list_free_slots", "{\"days\": 10}"),
                        new AssistantEvent.Usage(10, 2))
                : request.history().get(request.history().size() - 1) instanceof AssistantTurn.ToolResult result
                        && result.toolName().equals("list_free_slots")
                        ? Flux.just(new AssistantEvent.ToolCall("call-2", "offer_slots",
                                "{\"starts\": [\"2026-11-30T09:00:00Z\", \"2030-01-01T00:00:00Z\"]}"))
                        : Flux.just(new AssistantEvent.TextDelta("Here you are."));

        List<ChatEvent> events = say("What times do you have?", null);

        assertThat(requests).hasSize(3);
        AssistantTurn.ToolResult listed = (AssistantTurn.ToolResult) requests.get(1).history()
                .get(requests.get(1).history().size() - 1);
        assertThat(listed.result()).contains("2026-11-30T09:00:00Z").doesNotContain("2026-11-23");
        assertThat(events).filteredOn(ChatEvent.OfferSlots.class::isInstance).singleElement()
                .satisfies(offer -> assertThat(((ChatEvent.OfferSlots) offer).slots()).extracting(slot -> slot.start())
                        .as("only real free slots, never what the model made up")
                        .containsExactly(Instant.parse("2026-11-30T09:00:00Z")));
        assertThat(events).contains(new ChatEvent.Delta("Here you are."));
    }

    @Test
    void aModelThatKeepsCallingToolsIsStoppedAfterTheLastRound() {
        model = request -> Flux.just(new AssistantEvent.ToolCall("c", "list_free_slots", "{}"));

        List<ChatEvent> events = say("Loop forever", null);

        assertThat(requests).hasSize(policy.maxToolRounds() + 1);
        assertThat(requests.get(requests.size() - 1).tools()).isEmpty();
        assertThat(done(events).fallback()).isFalse();
    }

    @Test
    void aVisitorOverTheLimitGetsAPoliteLocalizedMessageWithoutTheModel() {
        policy = new ChatPolicy(new RollingLimit(2, Duration.ofMinutes(10)), new RateLimit(1000, Duration.ofHours(1)),
                1_000_000, 12_000, 5, 6);
        // A limit store that answers after a while, as a database does: the model is asked in the meantime.
        ChatService service = service(slowly(new InMemoryRollingLimits()));
        for (int i = 0; i < 2; i++) {
            service.chat(widget, ChatCommand.of("visitor-123", null, "Hi " + i)).blockLast();
        }

        List<ChatEvent> limited = service.chat(widget, ChatCommand.of("visitor-123", null, "Hi again"))
                .collectList().block();

        // Not known as refused yet, the model was asked early; its answer was dropped.
        assertThat(requests).hasSize(3);
        assertThat(limited).hasSize(2);
        assertThat(((ChatEvent.Delta) limited.get(0)).text()).contains("wait a moment");
        assertThat(done(limited).fallback()).isTrue();
        assertThat(conversations.count(tenant.id()).block()).isEqualTo(2);
        // Now this instance knows: the next message is refused without asking the model.
        List<ChatEvent> again = service.chat(widget, ChatCommand.of("visitor-123", null, "Still there?"))
                .collectList().block();
        assertThat(requests).hasSize(3);
        assertThat(((ChatEvent.Delta) again.get(0)).text()).contains("wait a moment");
        // Another visitor of the tenant is asked for early as before, and answered.
        assertThat(service.chat(widget, ChatCommand.of("visitor-456", null, "Hi")).collectList().block())
                .contains(new ChatEvent.Delta("Hello"));
        assertThat(requests).hasSize(4);
    }

    @Test
    void aRefusedMessageCancelsTheRequestItsModelWasAskedEarly() {
        policy = new ChatPolicy(new RollingLimit(1, Duration.ofMinutes(10)), new RateLimit(1000, Duration.ofHours(1)),
                1_000_000, 12_000, 5, 6);
        ChatService service = service(slowly(new InMemoryRollingLimits()));
        service.chat(widget, ChatCommand.of("visitor-123", null, "First")).blockLast();
        AtomicBoolean cancelled = new AtomicBoolean();
        model = request -> Flux.<AssistantEvent>never().doOnCancel(() -> cancelled.set(true));

        List<ChatEvent> limited = service.chat(widget, ChatCommand.of("visitor-123", null, "Second"))
                .collectList().block(Duration.ofSeconds(5));

        assertThat(requests).hasSize(2);
        assertThat(cancelled).isTrue();
        assertThat(((ChatEvent.Delta) limited.get(0)).text()).contains("wait a moment");
        assertThat(done(limited).fallback()).isTrue();
    }

    @Test
    void theDailyTokenBudgetStopsTheModelForTheRestOfTheDay() {
        policy = new ChatPolicy(new RollingLimit(100, Duration.ofMinutes(10)), new RateLimit(1000, Duration.ofHours(1)),
                15, 12_000, 5, 6);
        say("First", null);

        List<ChatEvent> refused = say("Second", null);

        assertThat(requests).hasSize(1);
        assertThat(done(refused).fallback()).isTrue();
        clock.advance(Duration.ofDays(1));
        say("Tomorrow", null);
        assertThat(requests).hasSize(2);
    }

    @Test
    void anotherVisitorCannotContinueSomeonesConversation() {
        ConversationId mine = done(say("My secret question", null)).conversationId();

        ChatEvent.Done theirs = done(service().chat(widget, ChatCommand.of("intruder-99", mine.toString(), "Hi"))
                .collectList().block());

        assertThat(theirs.conversationId()).isNotEqualTo(mine);
        assertThat(requests.get(1).history()).containsExactly(new AssistantTurn.User("Hi"));
    }
}
