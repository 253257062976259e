package dev.concierge.adapter.web.chat;

import dev.concierge.adapter.web.support.QueryNumbers;
import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.ConversationsUseCase;
import dev.concierge.domain.shared.Violations;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** The signed-in owner's conversations under {@code /api/v1/tenant/conversations}: list, read, delete. */
@RestController
public class OwnerConversationsController {

    private static final String CONVERSATIONS = "/api/v1/tenant/conversations";

    private final ConversationsUseCase conversations;

    public OwnerConversationsController(ConversationsUseCase conversations) {
        this.conversations = conversations;
    }

    /** One page of conversations, the most recent first. */
    public record Page(List<ConversationResponse.Summary> items, int page, int size, long total) {
    }

    @GetMapping(path = CONVERSATIONS, produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<Page> list(Caller.OwnerCaller owner,
            @RequestParam(required = false, defaultValue = "0") String page,
            @RequestParam(required = false, defaultValue = "20") String size) {
        Violations violations = new Violations();
        Integer pageNumber = violations.attempt("page", () -> QueryNumbers.parse(page));
        Integer pageSize = violations.attempt("size", () -> QueryNumbers.parse(size));
        violations.throwIfAny();
        return conversations.list(owner, pageNumber, pageSize)
                .map(found -> new Page(found.items().stream().map(ConversationResponse.Summary::fromDomain).toList(),
                        found.page(), found.size(), found.total()));
    }

    @GetMapping(path = CONVERSATIONS + "/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ConversationResponse> read(Caller.OwnerCaller owner, @PathVariable String id) {
        return Mono.defer(() -> conversations.read(owner, ChatController.conversationId(id)))
                .map(ConversationResponse::fromDomain);
    }

    @DeleteMapping(path = CONVERSATIONS + "/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public Mono<Void> delete(Caller.OwnerCaller owner, @PathVariable String id) {
        return Mono.defer(() -> conversations.delete(owner, ChatController.conversationId(id)));
    }
}
