package dev.concierge.adapter.llm.offline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.out.AssistantEvent;
import dev.concierge.application.port.out.AssistantEvent.TextDelta;
import dev.concierge.application.port.out.AssistantEvent.Usage;
import dev.concierge.application.port.out.AssistantRequest;
import dev.concierge.application.port.out.AssistantTurn;
import dev.concierge.application.port.out.ToolSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

class OfflineAssistantTest {

    static final List<ToolSpec> TOOLS = List.of(new ToolSpec("list_free_slots", "Lists free slots",
            "{\"type\":\"object\",\"properties\":{}}"));

    final OfflineAssistant assistant = new OfflineAssistant();

    @Test
    void greetsOnTheFirstMessageAndSaysInBothLanguagesThatNoModelIsConfigured() {
        AssistantRequest first = new AssistantRequest("You book haircuts.",
                List.of(new AssistantTurn.User("Hi, can I book a haircut?")), TOOLS, null);

        String text = answerText(first);

        assertThat(text).isEqualTo("Hello! / Hallo! No language model is configured yet, but you can book an "
                + "appointment with the button.\nEs ist noch kein Sprachmodell eingerichtet, aber Sie können über "
                + "die Schaltfläche einen Termin buchen.");
    }

    @Test
    void laterMessagesGetTheSameNoteWithoutAGreetingNeverAToolCallAndZeroUsage() {
        AssistantRequest later = new AssistantRequest("You book haircuts.", List.of(
                new AssistantTurn.User("Hi"), new AssistantTurn.Assistant("Hello!", List.of()),
                new AssistantTurn.User("What does it cost?")), TOOLS, "gpt-4o");

        StepVerifier.create(assistant.respond(later).subscribeOn(Schedulers.parallel()))
                .expectNext(new TextDelta(OfflineAssistant.ENGLISH), new TextDelta("\n"),
                        new TextDelta(OfflineAssistant.GERMAN), new Usage(0, 0))
                .expectComplete()
                .verify(Duration.ofSeconds(5));
    }

    @Test
    void answersTheSameEveryTime() {
        AssistantRequest request = new AssistantRequest("", List.of(new AssistantTurn.User("Hallo")), List.of(),
                null);

        assertThat(answerText(request)).isEqualTo(answerText(request));
    }

    private String answerText(AssistantRequest request) {
        List<AssistantEvent> events = assistant.respond(request).collectList().block(Duration.ofSeconds(5));
        assertThat(events).last().isEqualTo(new Usage(0, 0));
        assertThat(events).filteredOn(event -> event instanceof AssistantEvent.ToolCall).isEmpty();
        StringBuilder text = new StringBuilder();
        events.stream().filter(TextDelta.class::isInstance).map(TextDelta.class::cast)
                .forEach(delta -> text.append(delta.text()));
        return text.toString();
    }
}
