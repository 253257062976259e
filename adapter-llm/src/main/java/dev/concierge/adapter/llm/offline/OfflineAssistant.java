package dev.concierge.adapter.llm.offline;

import dev.concierge.application.port.out.AssistantEvent;
import dev.concierge.application.port.out.AssistantPort;
import dev.concierge.application.port.out.AssistantRequest;
import dev.concierge.application.port.out.AssistantTurn;
import java.util.List;
import reactor.core.publisher.Flux;

/**
 * The assistant of a platform that runs with nothing configured: it tells the visitor plainly, in English and in
 * German (it cannot know the visitor's language), that no language model is set up and that an appointment can be
 * booked with the button; on the first message of a conversation it greets first. Deterministic and without network,
 * so demos and tests behave the same everywhere. It never asks for a tool: the chat offers slots by itself when it
 * detects a booking wish.
 *
 * <p>The answer streams as a few text deltas, like a model's, then a usage of zero tokens.
 */
public final class OfflineAssistant implements AssistantPort {

    static final String GREETING = "Hello! / Hallo! ";
    static final String ENGLISH = "No language model is configured yet, but you can book an appointment with the"
            + " button.";
    static final String GERMAN = "Es ist noch kein Sprachmodell eingerichtet, aber Sie können über die Schaltfläche"
            + " einen Termin buchen.";

    @Override
    public Flux<AssistantEvent> respond(AssistantRequest request) {
        boolean firstMessage = request.history().size() == 1
                && request.history().get(0) instanceof AssistantTurn.User;
        List<AssistantEvent> events = List.of(
                new AssistantEvent.TextDelta((firstMessage ? GREETING : "") + ENGLISH),
                new AssistantEvent.TextDelta("\n"),
                new AssistantEvent.TextDelta(GERMAN),
                new AssistantEvent.Usage(0, 0));
        return Flux.fromIterable(events);
    }
}
