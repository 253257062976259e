package dev.concierge.adapter.llm;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * Proves that BlockHound is installed in this module's tests, so that the assistants' tests that subscribe on
 * non-blocking threads would catch a blocking call.
 */
class BlockHoundTest {

    @Test
    void blockingCallOnANonBlockingThreadFails() {
        Mono<Long> sleepsOnAParallelThread = Mono.delay(Duration.ofMillis(1))
                .doOnNext(tick -> {
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });

        StepVerifier.create(sleepsOnAParallelThread)
                .expectError(BlockingOperationError.class)
                .verify(Duration.ofSeconds(5));
    }
}
