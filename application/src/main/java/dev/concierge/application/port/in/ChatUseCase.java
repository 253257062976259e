package dev.concierge.application.port.in;

import reactor.core.publisher.Flux;

/**
 * A visitor talks to a tenant's assistant. The conversation and its messages are stored on the server, which rebuilds
 * the history for the model; a browser cannot forge earlier turns.
 */
public interface ChatUseCase {

    /**
     * Stores the visitor's message and streams the assistant's reply as it is produced, then a
     * {@link ChatEvent.Done}. When the model is unavailable or a limit is reached, the reply is a polite message of
     * the platform's own in the tenant's language (offering booking where the tenant takes appointments), never an
     * error.
     */
    Flux<ChatEvent> chat(PublishedWidget widget, ChatCommand command);
}
