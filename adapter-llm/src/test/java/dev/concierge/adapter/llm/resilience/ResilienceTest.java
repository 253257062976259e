package dev.concierge.adapter.llm.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.out.AssistantEvent;
import dev.concierge.application.port.out.AssistantEvent.TextDelta;
import dev.concierge.application.port.out.AssistantEvent.Usage;
import dev.concierge.application.port.out.AssistantUnavailableException;
import dev.langchain4j.exception.HttpException;
import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.test.StepVerifier;

/** The policy around the attempts, with attempts the test scripts. */
class ResilienceTest {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final List<AssistantEvent> ANSWER = List.of(new TextDelta("Hi"), new Usage(1, 1));

    final MutableClock clock = new MutableClock();
    final CircuitBreaker breaker = CircuitBreaker.withDefaults(clock);
    final Resilience resilience = new Resilience("openai", 2, Duration.ofMillis(5), Duration.ofMillis(500), breaker);

    @Test
    void failuresThatMayPassAreRetriedUntilOnePasses() {
        Attempts attempts = new Attempts(Flux.error(new HttpException(429, "slow down")),
                Flux.error(new ConnectException("Connection refused")), Flux.fromIterable(ANSWER));

        StepVerifier.create(resilience.guard(attempts)).expectNextSequence(ANSWER).expectComplete().verify(TIMEOUT);
        assertThat(attempts.made.get()).isEqualTo(3);
    }

    @Test
    void aFailureAfterTheFirstEventIsNeverRetried() {
        Attempts attempts = new Attempts(
                Flux.concat(Flux.just(new TextDelta("Hal")), Flux.error(new IOException("connection reset"))),
                Flux.fromIterable(ANSWER));

        StepVerifier.create(resilience.guard(attempts))
                .expectNext(new TextDelta("Hal"))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AssistantUnavailableException.class)
                        .hasMessageContaining("after part of the answer").hasCauseInstanceOf(IOException.class))
                .verify(TIMEOUT);
        assertThat(attempts.made.get()).isEqualTo(1);
    }

    @Test
    void aStalledAttemptTimesOutAndIsRetried() {
        Attempts attempts = new Attempts(Flux.never(), Flux.fromIterable(ANSWER));

        StepVerifier.create(resilience.guard(attempts)).expectNextSequence(ANSWER).expectComplete().verify(TIMEOUT);
        assertThat(attempts.made.get()).isEqualTo(2);
    }

    @Test
    void aCancelledAttemptIsNotCountedAgainstTheProvider() {
        Sinks.Many<AssistantEvent> endless = Sinks.many().unicast().onBackpressureBuffer();
        Attempts attempts = new Attempts(endless.asFlux());
        failCalls(4);

        StepVerifier.create(resilience.guard(attempts)).thenCancel().verify(TIMEOUT);

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void afterFiveFailedCallsTheProviderIsNotCalledUntilTheBreakerHalfOpens() {
        failCalls(5);
        Attempts next = new Attempts(Flux.fromIterable(ANSWER));

        StepVerifier.create(resilience.guard(next))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AssistantUnavailableException.class)
                        .hasMessageContaining("circuit breaker"))
                .verify(TIMEOUT);
        assertThat(next.made.get()).isZero();

        clock.advance(CircuitBreaker.DEFAULT_OPEN_DURATION);
        StepVerifier.create(resilience.guard(next)).expectNextSequence(ANSWER).expectComplete().verify(TIMEOUT);
        assertThat(next.made.get()).isEqualTo(1);
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void rejectedRequestsDoNotOpenTheBreaker() {
        for (int i = 0; i < 6; i++) {
            StepVerifier.create(resilience.guard(new Attempts(Flux.error(new HttpException(400, "too long")))))
                    .expectError(AssistantUnavailableException.class)
                    .verify(TIMEOUT);
        }

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    private void failCalls(int calls) {
        for (int i = 0; i < calls; i++) {
            StepVerifier.create(resilience.guard(new Attempts(Flux.error(new HttpException(401, "no")))))
                    .expectErrorSatisfies(error -> assertThat(error).hasMessageContaining("401").hasNoCause())
                    .verify(TIMEOUT);
        }
    }

    /** Hands out the scripted attempts in order, the last one again when they run out, and counts them. */
    private static final class Attempts implements Supplier<Flux<AssistantEvent>> {

        final AtomicInteger made = new AtomicInteger();
        private final Queue<Flux<AssistantEvent>> scripted;
        private Flux<AssistantEvent> last;

        @SafeVarargs
        Attempts(Flux<AssistantEvent>... attempts) {
            scripted = new ArrayDeque<>();
            for (Flux<AssistantEvent> attempt : attempts) {
                scripted.add(attempt);
            }
        }

        @Override
        public Flux<AssistantEvent> get() {
            made.incrementAndGet();
            Flux<AssistantEvent> next = scripted.poll();
            last = next == null ? last : next;
            return last;
        }
    }
}
