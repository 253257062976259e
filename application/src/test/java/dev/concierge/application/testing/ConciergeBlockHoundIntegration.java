package dev.concierge.application.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * The few calls BlockHound may see on non-blocking threads in Concierge's tests, each for a stated reason.
 * Loaded through {@code ServiceLoader} by every module whose tests install BlockHound.
 */
public final class ConciergeBlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        // Random ids come from the JDK's shared SecureRandom, which reads /dev/urandom: a read that never waits
        // once the kernel's pool is seeded at boot.
        builder.allowBlockingCallsInside("java.util.UUID", "randomUUID");
    }
}
