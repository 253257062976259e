package dev.concierge.bootstrap.chat;

import dev.concierge.application.port.out.AssistantEvent;
import dev.concierge.application.port.out.AssistantPort;
import dev.concierge.application.port.out.AssistantRequest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

/**
 * The configured assistant, with each failure logged (without the request's content) and counted as
 * {@code concierge.assistant.failures}, so that an operator sees a provider outage although visitors only see the
 * chat's polite fallback.
 */
public final class ObservedAssistant implements AssistantPort {

    private static final Logger log = LoggerFactory.getLogger(ObservedAssistant.class);

    private final AssistantPort assistant;
    private final Counter failures;

    public ObservedAssistant(AssistantPort assistant, MeterRegistry meters) {
        this.assistant = assistant;
        this.failures = Counter.builder("concierge.assistant.failures")
                .description("Replies the language model could not give; visitors got the fallback instead")
                .register(meters);
    }

    @Override
    public Flux<AssistantEvent> respond(AssistantRequest request) {
        return assistant.respond(request).doOnError(failure -> {
            failures.increment();
            log.warn("The assistant could not answer: {}", failure.getMessage());
        });
    }
}
