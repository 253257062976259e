package dev.concierge.application.port.in;

import dev.concierge.domain.chat.ConversationId;
import dev.concierge.domain.chat.VisitorId;
import dev.concierge.domain.shared.InvalidValueException;
import dev.concierge.domain.shared.Text;
import dev.concierge.domain.shared.Violations;
import java.util.Objects;
import java.util.UUID;

/**
 * A visitor's new message, with the ids the widget keeps. Only the message is sent: the server holds the history.
 *
 * @param conversationId {@code null} to start a conversation
 */
public record ChatCommand(VisitorId visitorId, ConversationId conversationId, String message) {

    /** Plenty for a question to a business; longer messages are refused before any model sees them. */
    public static final int MAX_MESSAGE_LENGTH = 2000;

    public ChatCommand {
        Objects.requireNonNull(visitorId, "visitorId");
        Objects.requireNonNull(message, "message");
    }

    /** @throws dev.concierge.domain.shared.ValidationException naming {@code visitorId}, {@code conversationId}, {@code message} */
    public static ChatCommand of(String visitorId, String conversationId, String message) {
        Violations violations = new Violations();
        VisitorId visitor = violations.field("visitorId", visitorId, VisitorId::of);
        ConversationId conversation = conversationId == null || conversationId.isBlank() ? null
                : violations.attempt("conversationId", () -> parseConversation(conversationId));
        String text = violations.field("message", message, ChatCommand::requireMessage);
        violations.throwIfAny();
        return new ChatCommand(visitor, conversation, text);
    }

    private static ConversationId parseConversation(String raw) {
        try {
            return new ConversationId(UUID.fromString(raw.strip()));
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("must be the id of a conversation");
        }
    }

    private static String requireMessage(String raw) {
        return Text.require(raw, MAX_MESSAGE_LENGTH, true);
    }
}
