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
        // One-time tokens come from a SecureRandom of their own, which reads /dev/urandom in the same way.
        builder.allowBlockingCallsInside("dev.concierge.domain.token.SecretToken", "generate");
        // The JDK reads its networking defaults (a small file in the JDK) once, when the first socket of the JVM is
        // made; that can happen on an event loop when no earlier test opened a socket.
        builder.allowBlockingCallsInside("sun.net.NetProperties", "<clinit>");
        // Jackson builds the reader for a type once, under a lock; requests that arrive together on a cold server
        // may wait a moment for the first of them to finish it (a burst of bookings, say).
        builder.allowBlockingCallsInside("tools.jackson.databind.deser.DeserializerCache",
                "_createAndCacheValueDeserializer");
    }
}
