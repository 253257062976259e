package dev.concierge.bootstrap;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import reactor.blockhound.BlockingOperationError;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * This module's tests run with BlockHound armed, so the end-to-end tests would fail on any blocking call that the
 * application makes on a non-blocking thread.
 */
class BlockHoundInstalledTest {

    @Test
    void blockingCallOnANonBlockingThreadFails() {
        Mono<Long> sleepsOnParallelThread = Mono.delay(Duration.ofMillis(1)).doOnNext(tick -> {
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        StepVerifier.create(sleepsOnParallelThread).expectError(BlockingOperationError.class).verify(Duration.ofSeconds(5));
    }
}
