package dev.concierge.application.service;

import dev.concierge.application.port.in.ChatCommand;
import dev.concierge.application.port.in.ChatEvent;
import dev.concierge.application.port.in.ChatUseCase;
import dev.concierge.application.port.in.FreeSlotsUseCase;
import dev.concierge.application.port.in.PublishedWidget;
import dev.concierge.application.port.out.AssistantEvent;
import dev.concierge.application.port.out.AssistantPort;
import dev.concierge.application.port.out.AssistantRequest;
import dev.concierge.application.port.out.AssistantTurn;
import dev.concierge.application.port.out.AttemptCounters;
import dev.concierge.application.port.out.Conversations;
import dev.concierge.application.port.out.RollingLimits;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.UsageCounters;
import dev.concierge.domain.booking.Slot;
import dev.concierge.domain.chat.BookingIntent;
import dev.concierge.domain.chat.ChatMessage;
import dev.concierge.domain.chat.Conversation;
import dev.concierge.domain.chat.ConversationId;
import dev.concierge.domain.chat.MessageRole;
import dev.concierge.domain.tenant.AssistantSettings;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.tenant.TenantNotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Signal;

/**
 * The conversation loop. The history is rebuilt from storage and trimmed oldest-first to the policy's budget with the
 * tenant's system prompt always first, and the assistant's reply streams to the widget as the model produces it. The
 * visitor's message is stored while the model is asked, and kept when the model fails. Tools run here, with the
 * tenant and visitor of the request, never values the model made up: the model can look up free slots and offer
 * some, and an offer becomes buttons in the widget; it can never book. Booking words in the visitor's message always
 * lead to an offer, whatever the model did. When a limit or the daily token budget is reached, or the model is
 * unavailable, the visitor gets a polite reply of the platform's own.
 *
 * <p>Latency: the lookups (the conversation and its history, the tenant's settings, which are kept as long as its
 * published widget is) and the limit checks run at the same time; the model is asked meanwhile and its answer held
 * back until the limits admit the message (unless this instance saw the visitor refused or the tenant near a limit:
 * then the limits come first); the writes after the answer (the reply, the token count) run together. A refused
 * message does not stay in the store and gets nothing of the model's answer.
 */
public final class ChatService implements ChatUseCase {

    /** The longest reply kept in a conversation (the stores keep messages of up to 20,000 characters). */
    static final int MAX_STORED_REPLY = 20_000;
    /** The most messages read back to rebuild the history; the policy's budget trims further. */
    static final int MAX_HISTORY_MESSAGES = 200;
    /** The most tenants whose assistant settings are kept between requests; beyond, the others are read again. */
    static final int MAX_CACHED_ASSISTANTS = 1_000;

    private final Tenants tenants;
    private final Conversations conversations;
    private final AssistantPort assistant;
    private final FreeSlotsUseCase freeSlots;
    private final RollingLimits rollingLimits;
    private final AttemptCounters counters;
    private final UsageCounters usage;
    private final ChatPolicy policy;
    private final Clock clock;
    private final Map<TenantId, Assistant> assistants = new ConcurrentHashMap<>();
    /** Tenants near or over a limit and visitors over theirs, as this instance saw them: not asked early. */
    private final RememberedRefusals careful = new RememberedRefusals(10_000);

    public ChatService(Tenants tenants, Conversations conversations, AssistantPort assistant, FreeSlotsUseCase freeSlots,
            RollingLimits rollingLimits, AttemptCounters counters, UsageCounters usage, ChatPolicy policy, Clock clock) {
        this.tenants = tenants;
        this.conversations = conversations;
        this.assistant = assistant;
        this.freeSlots = freeSlots;
        this.rollingLimits = rollingLimits;
        this.counters = counters;
        this.usage = usage;
        this.policy = policy;
        this.clock = clock;
    }

    @Override
    public Flux<ChatEvent> chat(PublishedWidget widget, ChatCommand command) {
        Instant now = clock.instant();
        ChatMessage visitorMessage = new ChatMessage(MessageRole.USER, command.message(), now, 0);
        // Which limit refuses the message, if any: asked once, from the start (see the end of this method).
        Mono<String> refusal = admitted(widget, command, now).cache();
        boolean askEarly = mayAskEarly(widget, command, now);
        Flux<ChatEvent> answer = Mono.zip(assistantOf(widget), earlier(widget, command))
                .flatMapMany(found -> {
                    Earlier earlier = found.getT2();
                    List<ChatMessage> history = new ArrayList<>(earlier.messages());
                    history.add(visitorMessage);
                    Mono<Conversation> kept = stored(widget, earlier, visitorMessage, refusal, askEarly);
                    return converse(widget, found.getT1(), earlier.conversation(), history(history), kept,
                            refusal, askEarly, command);
                });
        // The limit checks start together with the lookups, and nothing is answered before they are done.
        return Flux.mergeSequential(refusal.then(Mono.<ChatEvent>empty()), answer);
    }

    /**
     * Stores the visitor's message while the model is asked; only an admitted one stays. A new conversation asked
     * early is opened at once and deleted again if a limit refuses the message; otherwise the message is stored once
     * the limits have admitted it.
     */
    private Mono<Conversation> stored(PublishedWidget widget, Earlier earlier, ChatMessage message,
            Mono<String> refusal, boolean askEarly) {
        Conversation conversation = earlier.conversation();
        if (earlier.isNew() && askEarly) {
            return conversations.open(conversation, message)
                    .flatMap(opened -> refusal.flatMap(limit -> limit.isEmpty() ? Mono.just(opened)
                            : conversations.delete(widget.tenantId(), conversation.id()).then(Mono.empty())));
        }
        return refusal.filter(String::isEmpty).flatMap(admitted -> earlier.isNew()
                ? conversations.open(conversation, message)
                : conversations.append(widget.tenantId(), conversation.id(), message));
    }

    /**
     * Whether the model may be asked before the limits have answered, the answer held back until they have: when
     * this instance saw neither the visitor refused nor the tenant close to its hourly limit or daily budget lately.
     * A refused message then cancels its request to the model; the memory keeps that from repeating.
     */
    private boolean mayAskEarly(PublishedWidget widget, ChatCommand command, Instant now) {
        return careful.refusedUntil(widget.tenantId().toString(), now).isEmpty()
                && careful.refusedUntil(visitorKey(widget, command), now).isEmpty();
    }

    /**
     * The tenant's assistant settings, read once for each state of its published widget: as fresh as the widget the
     * request was admitted with (a cached widget is one instance until its cache drops it, and then these settings
     * are read again), so a change to the prompt reaches chats when it reaches the widget.
     */
    private Mono<AssistantSettings> assistantOf(PublishedWidget widget) {
        return Mono.defer(() -> {
            Assistant entry = assistants.compute(widget.tenantId(), (id, kept) -> kept != null
                    && kept.publishedAs() == widget ? kept : new Assistant(widget, tenants.findById(id)
                            .switchIfEmpty(Mono.error(() -> new TenantNotFoundException("with id " + id)))
                            .map(Tenant::assistant)
                            .cache()));
            if (assistants.size() > MAX_CACHED_ASSISTANTS) {
                assistants.keySet().removeIf(id -> !id.equals(widget.tenantId()));
            }
            // A failed read is not kept: the next request reads again.
            return entry.settings().doOnError(error -> assistants.remove(widget.tenantId(), entry));
        });
    }

    /** The visitor's conversation of this tenant with its messages so far, or a new one (also for an unknown id). */
    private Mono<Earlier> earlier(PublishedWidget widget, ChatCommand command) {
        Mono<Earlier> fresh = Mono.fromSupplier(() -> new Earlier(Conversation.start(ConversationId.random(),
                widget.tenantId(), command.visitorId(), clock.instant()), List.of(), true));
        if (command.conversationId() == null) {
            return fresh;
        }
        return Mono.zip(conversations.find(widget.tenantId(), command.conversationId()),
                        conversations.messages(widget.tenantId(), command.conversationId(), MAX_HISTORY_MESSAGES)
                                .collectList())
                .filter(found -> found.getT1().visitorId().equals(command.visitorId()))
                .map(found -> new Earlier(found.getT1(), found.getT2(), false))
                .switchIfEmpty(fresh);
    }

    /** Empty when the message may go to the model; else which limit was reached ("visitor", "tenant", "budget"). */
    private Mono<String> admitted(PublishedWidget widget, ChatCommand command, Instant now) {
        String tenant = widget.tenantId().toString();
        String window = "chat-tenant:" + tenant + "@" + policy.perTenant().windowStart(now).getEpochSecond();
        Instant dayEnd = dayEnd(now);
        return Mono.zip(
                        rollingLimits.tryAcquire(visitorKey(widget, command), policy.perVisitor(), now),
                        counters.increment(window, now, policy.perTenant().windowEnd(now)),
                        usage.find(tokenKey(tenant, now), now))
                .map(checked -> {
                    if (!checked.getT1()) {
                        careful.remember(visitorKey(widget, command), now.plus(policy.perVisitor().window()), now);
                    }
                    if (checked.getT2().count() * 5L >= policy.perTenant().max() * 4L) {
                        careful.remember(tenant, policy.perTenant().windowEnd(now), now);
                    }
                    nearBudget(widget, checked.getT3(), now, dayEnd);
                    return !checked.getT1() ? "visitor"
                            : policy.perTenant().exceededBy(checked.getT2().count()) ? "tenant"
                            : checked.getT3() >= policy.dailyTokens() ? "budget" : "";
                });
    }

    /** Remembers a tenant that has used four fifths of its daily tokens as one not to ask the model early for. */
    private void nearBudget(PublishedWidget widget, long used, Instant now, Instant dayEnd) {
        if (used * 5 >= policy.dailyTokens() * 4) {
            careful.remember(widget.tenantId().toString(), dayEnd, now);
        }
    }

    private static String visitorKey(PublishedWidget widget, ChatCommand command) {
        return "chat-visitor:" + widget.tenantId() + ":" + command.visitorId().value();
    }

    private Flux<ChatEvent> converse(PublishedWidget widget, AssistantSettings settings, Conversation conversation,
            List<AssistantTurn> turns, Mono<Conversation> kept, Mono<String> refusal, boolean askEarly,
            ChatCommand command) {
        StringBuilder reply = new StringBuilder();
        AtomicInteger input = new AtomicInteger();
        AtomicInteger output = new AtomicInteger();
        AtomicBoolean offered = new AtomicBoolean();
        // The first request to the model waits for the limits, or (asked early) its answer does; the model's own
        // failure is held back behind them as well (materialized), so a refused message always hears why.
        Flux<Signal<AssistantEvent>> refused = refusal.flatMapMany(limit -> limit.isEmpty() ? Flux.empty()
                : Flux.error(new Refused(limit)));
        Flux<Signal<AssistantEvent>> asked = Flux.defer(() -> assistant.respond(request(widget, settings, turns, 1)))
                .materialize();
        Flux<AssistantEvent> first = (askEarly ? Flux.mergeSequential(refused, asked) : Flux.concat(refused, asked))
                .dematerialize();
        // A failing model does not cancel the store of the visitor's message: its error waits for the store.
        return Flux.mergeDelayError(2, kept.thenMany(Flux.<ChatEvent>empty()),
                        round(widget, settings, turns, reply, input, output, offered, 1, first))
                .concatWith(Flux.defer(() -> offered.get() || !BookingIntent.in(command.message())
                        ? Flux.empty() : offer(widget, offered)))
                .concatWith(Mono.defer(() -> finish(widget, conversation, reply.toString(), input.get(),
                        output.get(), false)))
                .onErrorResume(failure -> failure instanceof Refused || reply.isEmpty() && !(failure instanceof Error),
                        failure -> failure instanceof Refused limit
                                ? reply(conversation, ChatTexts.of(widget.language()).limited(limit.getMessage()))
                                : fallback(widget, conversation, offered));
    }

    private AssistantRequest request(PublishedWidget widget, AssistantSettings settings, List<AssistantTurn> turns,
            int number) {
        return new AssistantRequest(settings.systemPrompt(), turns,
                widget.appointmentsEnabled() && number <= policy.maxToolRounds() ? ChatTools.SPECS : List.of(),
                settings.model());
    }

    /** One request to the model, and another with the tool results while it asks for tools. */
    private Flux<ChatEvent> round(PublishedWidget widget, AssistantSettings settings, List<AssistantTurn> turns,
            StringBuilder reply, AtomicInteger input, AtomicInteger output, AtomicBoolean offered, int number,
            Flux<AssistantEvent> answer) {
        List<AssistantEvent.ToolCall> calls = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        return answer
                .concatMap(event -> {
                    if (event instanceof AssistantEvent.TextDelta delta) {
                        text.append(delta.text());
                        reply.append(delta.text());
                        return Flux.just((ChatEvent) new ChatEvent.Delta(delta.text()));
                    }
                    if (event instanceof AssistantEvent.ToolCall call) {
                        calls.add(call);
                    } else if (event instanceof AssistantEvent.Usage used) {
                        input.addAndGet(used.inputTokens());
                        output.addAndGet(used.outputTokens());
                    }
                    return Flux.<ChatEvent>empty();
                })
                .concatWith(Flux.defer(() -> {
                    if (calls.isEmpty() || number > policy.maxToolRounds()) {
                        return Flux.empty();
                    }
                    turns.add(new AssistantTurn.Assistant(text.toString(), calls));
                    return Flux.fromIterable(calls)
                            .concatMap(call -> runTool(widget, call, turns, offered))
                            .concatWith(Flux.defer(() -> round(widget, settings, turns, reply, input, output, offered,
                                    number + 1, assistant.respond(request(widget, settings, turns, number + 1)))));
                }));
    }

    /** Runs one tool for this tenant and visitor; its result goes back to the model. */
    private Flux<ChatEvent> runTool(PublishedWidget widget, AssistantEvent.ToolCall call, List<AssistantTurn> turns,
            AtomicBoolean offered) {
        return switch (call.name()) {
            case ChatTools.LIST_FREE_SLOTS -> freeSlots.freeSlots(widget, ChatTools.from(call.arguments(), clock),
                            ChatTools.to(call.arguments(), clock))
                    .doOnNext(free -> turns.add(new AssistantTurn.ToolResult(call.id(), call.name(),
                            ChatTools.describe(free, 20))))
                    .onErrorResume(error -> {
                        turns.add(new AssistantTurn.ToolResult(call.id(), call.name(), "{\"error\":\"unavailable\"}"));
                        return Mono.empty();
                    })
                    .thenMany(Flux.empty());
            case ChatTools.OFFER_SLOTS -> freeSlots.freeSlots(widget, null, null)
                    .map(free -> {
                        List<Slot> chosen = ChatTools.chosen(call.arguments(), free.slots());
                        turns.add(new AssistantTurn.ToolResult(call.id(), call.name(),
                                "{\"offered\":" + chosen.size() + "}"));
                        return chosen.isEmpty() ? List.<ChatEvent>of()
                                : List.<ChatEvent>of(new ChatEvent.OfferSlots(free.timeZone().getId(), chosen));
                    })
                    .doOnNext(events -> offered.compareAndSet(false, !events.isEmpty()))
                    .onErrorResume(error -> {
                        turns.add(new AssistantTurn.ToolResult(call.id(), call.name(), "{\"offered\":0}"));
                        return Mono.just(List.of());
                    })
                    .flatMapMany(Flux::fromIterable);
            default -> {
                turns.add(new AssistantTurn.ToolResult(call.id(), call.name(), "{\"error\":\"unknown tool\"}"));
                yield Flux.empty();
            }
        };
    }

    /** Offers the next free slots, when the tenant takes appointments. */
    private Flux<ChatEvent> offer(PublishedWidget widget, AtomicBoolean offered) {
        if (!widget.appointmentsEnabled()) {
            return Flux.empty();
        }
        return freeSlots.freeSlots(widget, null, null)
                .filter(free -> !free.slots().isEmpty())
                .map(free -> (ChatEvent) new ChatEvent.OfferSlots(free.timeZone().getId(),
                        free.slots().subList(0, Math.min(policy.offeredSlots(), free.slots().size()))))
                .doOnNext(event -> offered.set(true))
                .onErrorResume(error -> Mono.empty())
                .flux();
    }

    private Flux<ChatEvent> fallback(PublishedWidget widget, Conversation conversation, AtomicBoolean offered) {
        String text = ChatTexts.of(widget.language()).unavailable(widget.appointmentsEnabled());
        return Flux.<ChatEvent>just(new ChatEvent.Delta(text))
                .concatWith(Flux.defer(() -> offered.get() ? Flux.empty() : offer(widget, offered)))
                .concatWith(Mono.defer(() -> finish(widget, conversation, text, 0, 0, true)));
    }

    /** A reply of the platform's own, without asking the model: the message is not stored, nothing is charged. */
    private static Flux<ChatEvent> reply(Conversation conversation, String text) {
        return Flux.just((ChatEvent) new ChatEvent.Delta(text),
                new ChatEvent.Done(conversation.id(), 0, 0, true));
    }

    private Mono<ChatEvent> finish(PublishedWidget widget, Conversation conversation, String text, int input,
            int output, boolean fallback) {
        Instant now = clock.instant();
        Instant dayEnd = dayEnd(now);
        Mono<Long> charged = input + output == 0 ? Mono.just(0L)
                : usage.add(tokenKey(widget.tenantId().toString(), now), input + output, now, dayEnd)
                        .doOnNext(total -> nearBudget(widget, total, now, dayEnd));
        return Mono.when(conversations.append(widget.tenantId(), conversation.id(),
                        new ChatMessage(MessageRole.ASSISTANT, storable(text), now, input + output)), charged)
                .thenReturn(new ChatEvent.Done(conversation.id(), input, output, fallback));
    }

    /**
     * A model's reply as it can be kept: at most {@value #MAX_STORED_REPLY} characters, without the characters
     * databases cannot store exactly (NUL, half of a surrogate pair).
     */
    static String storable(String reply) {
        StringBuilder kept = new StringBuilder(Math.min(reply.length(), MAX_STORED_REPLY));
        for (int i = 0; i < reply.length() && kept.length() < MAX_STORED_REPLY - 1; i++) {
            char c = reply.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < reply.length() && Character.isLowSurrogate(reply.charAt(i + 1))) {
                kept.append(c).append(reply.charAt(++i));
            } else if (c != 0 && !Character.isSurrogate(c)) {
                kept.append(c);
            }
        }
        return kept.isEmpty() ? " " : kept.toString();
    }

    /** When the UTC day of {@code now} ends: the daily token budget's window. */
    private static Instant dayEnd(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String tokenKey(String tenant, Instant now) {
        return "chat-tokens:" + tenant + ":" + LocalDate.ofInstant(now, ZoneOffset.UTC);
    }

    /** A limit that refuses the message; its message names the limit. */
    private static final class Refused extends RuntimeException {

        private static final long serialVersionUID = 1L;

        Refused(String limit) {
            super(limit, null, false, false);
        }
    }

    /** The conversation a message goes to, with what was said before it; {@code isNew} when it is not stored yet. */
    private record Earlier(Conversation conversation, List<ChatMessage> messages, boolean isNew) {
    }

    /** A tenant's assistant settings as read for one state of its published widget. */
    private record Assistant(PublishedWidget publishedAs, Mono<AssistantSettings> settings) {
    }

    /** The stored conversation as the model sees it, oldest first, trimmed to the budget from the oldest end. */
    private List<AssistantTurn> history(List<ChatMessage> stored) {
        List<AssistantTurn> turns = new ArrayList<>();
        int budget = policy.historyChars();
        for (int i = stored.size() - 1; i >= 0; i--) {
            ChatMessage message = stored.get(i);
            if (message.role() == MessageRole.TOOL) {
                continue;
            }
            budget -= message.content().length();
            if (budget < 0 && !turns.isEmpty()) {
                break;
            }
            turns.add(0, message.role() == MessageRole.USER ? new AssistantTurn.User(message.content())
                    : new AssistantTurn.Assistant(message.content(), List.of()));
        }
        // Models expect the conversation to open with the visitor.
        while (turns.size() > 1 && !(turns.get(0) instanceof AssistantTurn.User)) {
            turns.remove(0);
        }
        return turns;
    }
}
