package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.Text;
import java.util.Objects;

/**
 * What the assistant is told and how it speaks.
 *
 * @param systemPrompt the tenant's instructions to the assistant
 * @param model        the model name passed to the configured LLM provider; {@code default} lets the platform pick
 * @param language     the language of the widget's texts and the assistant's default language
 */
public record AssistantSettings(String systemPrompt, String model, Language language) {

    public static final int MAX_PROMPT_LENGTH = 8_000;
    public static final int MAX_MODEL_LENGTH = 100;

    public AssistantSettings {
        systemPrompt = Text.require(systemPrompt, MAX_PROMPT_LENGTH, true);
        model = Text.require(model, MAX_MODEL_LENGTH, false);
        Objects.requireNonNull(language, "language");
    }

    public static AssistantSettings defaultsFor(DisplayName name) {
        return new AssistantSettings(
                "You are the friendly assistant of " + name.value() + ". Answer briefly and politely, "
                        + "and help visitors book an appointment when they ask for one.",
                "default", Language.EN);
    }
}
