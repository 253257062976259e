package dev.concierge.adapter.web.chat;

import dev.concierge.adapter.web.widget.WidgetTenant;
import dev.concierge.application.port.in.ChatEvent;
import dev.concierge.application.port.in.ChatUseCase;
import dev.concierge.application.port.in.ConversationsUseCase;
import dev.concierge.application.port.in.PublishedWidget;
import dev.concierge.domain.chat.ConversationId;
import dev.concierge.domain.chat.ConversationNotFoundException;
import dev.concierge.domain.chat.VisitorId;
import dev.concierge.domain.shared.Violations;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The widget's chat under {@code /api/v1/widget/{clientKey}}: {@code POST .../chat} answers once the reply is
 * complete, {@code POST .../chat/stream} streams it as server-sent events ({@code delta}, {@code action}, then
 * {@code done}, or {@code error}) as the model produces it, and {@code GET .../conversations/{id}} restores a
 * visitor's own conversation after a reload. The origin filter has admitted the request for an active tenant.
 */
@RestController
public class ChatController {

    private static final Logger log = LoggerFactory.getLogger(ChatController.class);

    private final ChatUseCase chat;
    private final ConversationsUseCase conversations;

    public ChatController(ChatUseCase chat, ConversationsUseCase conversations) {
        this.chat = chat;
        this.conversations = conversations;
    }

    @PostMapping(path = "/api/v1/widget/{clientKey}/chat", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ChatPayloads.Answer> chat(@WidgetTenant PublishedWidget tenant, @RequestBody Mono<ChatRequest> request) {
        return request.map(ChatRequest::toCommand)
                .flatMap(command -> chat.chat(tenant, command).collectList())
                .map(ChatController::answer);
    }

    @PostMapping(path = "/api/v1/widget/{clientKey}/chat/stream", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    public Flux<ServerSentEvent<Object>> stream(@WidgetTenant PublishedWidget tenant,
            @RequestBody Mono<ChatRequest> request) {
        // The request is validated before the first event, so bad input is still a 400 problem, not an event.
        return request.map(ChatRequest::toCommand)
                .flatMapMany(command -> chat.chat(tenant, command)
                        .map(ChatController::event)
                        .onErrorResume(failure -> {
                            log.warn("A chat stream of tenant {} failed after it started: {}", tenant.clientKey().value(),
                                    failure.toString());
                            return Flux.just(ServerSentEvent.builder((Object) new ChatPayloads.Error(
                                    "The answer was interrupted. Please try again.")).event("error").build());
                        }));
    }

    @GetMapping(path = "/api/v1/widget/{clientKey}/conversations/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ConversationResponse> restore(@WidgetTenant PublishedWidget tenant, @PathVariable String id,
            @RequestParam(required = false) String visitorId) {
        Violations violations = new Violations();
        VisitorId visitor = violations.field("visitorId", visitorId, VisitorId::of);
        violations.throwIfAny();
        return Mono.defer(() -> conversations.restore(tenant, visitor, conversationId(id)))
                .map(ConversationResponse::fromDomain);
    }

    static ConversationId conversationId(String raw) {
        try {
            return new ConversationId(UUID.fromString(raw));
        } catch (IllegalArgumentException notAnId) {
            throw new ConversationNotFoundException(raw);
        }
    }

    private static ServerSentEvent<Object> event(ChatEvent event) {
        if (event instanceof ChatEvent.Delta delta) {
            return ServerSentEvent.builder((Object) new ChatPayloads.Delta(delta.text())).event("delta").build();
        }
        if (event instanceof ChatEvent.OfferSlots offer) {
            return ServerSentEvent.builder((Object) ChatPayloads.Action.of(offer)).event("action").build();
        }
        return ServerSentEvent.builder((Object) ChatPayloads.Done.of((ChatEvent.Done) event)).event("done").build();
    }

    private static ChatPayloads.Answer answer(List<ChatEvent> events) {
        StringBuilder reply = new StringBuilder();
        List<ChatPayloads.Action> actions = new ArrayList<>();
        ChatEvent.Done done = null;
        for (ChatEvent event : events) {
            if (event instanceof ChatEvent.Delta delta) {
                reply.append(delta.text());
            } else if (event instanceof ChatEvent.OfferSlots offer) {
                actions.add(ChatPayloads.Action.of(offer));
            } else {
                done = (ChatEvent.Done) event;
            }
        }
        if (done == null) {
            throw new IllegalStateException("a chat reply ended without completing");
        }
        return new ChatPayloads.Answer(done.conversationId().toString(), reply.toString(), actions, done.fallback(),
                new ChatPayloads.Usage(done.inputTokens(), done.outputTokens()));
    }
}
