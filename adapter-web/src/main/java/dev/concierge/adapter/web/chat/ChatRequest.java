package dev.concierge.adapter.web.chat;

import dev.concierge.application.port.in.ChatCommand;

/** What the widget sends: its visitor id, the conversation it continues (or none), and the new message only. */
public record ChatRequest(String visitorId, String conversationId, String message) {

    ChatCommand toCommand() {
        return ChatCommand.of(visitorId, conversationId, message);
    }
}
