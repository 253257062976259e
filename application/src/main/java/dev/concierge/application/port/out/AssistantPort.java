package dev.concierge.application.port.out;

import reactor.core.publisher.Flux;

/**
 * The language model behind a tenant's assistant (OpenAI or a compatible server, Anthropic, or the offline
 * assistant). It answers one turn: given the system prompt, the conversation so far, the visitor's new message and
 * the tools it may ask for, it streams its answer as it is produced.
 *
 * <p>Implementations never block the subscriber's thread (blocking clients and their retries run elsewhere), retry
 * only what may pass (429, 5xx, timeouts; never another 4xx), and signal a failure that did not pass as
 * {@link AssistantUnavailableException}. The caller runs tools itself and asks again with the results: a model can
 * only ask for a tool, never act.
 */
public interface AssistantPort {

    /**
     * @return text deltas and tool calls in the order the model produced them, then one {@link AssistantEvent.Usage};
     *         completes when the model is done; errors with {@link AssistantUnavailableException}
     */
    Flux<AssistantEvent> respond(AssistantRequest request);
}
