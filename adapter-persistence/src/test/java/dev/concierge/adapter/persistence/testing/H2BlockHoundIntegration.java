package dev.concierge.adapter.persistence.testing;

import reactor.blockhound.BlockHound;
import reactor.blockhound.integration.BlockHoundIntegration;

/**
 * Lets BlockHound accept the two waits inside the H2 engine that ordinary statements reach when transactions
 * contend, and nothing else of H2.
 *
 * <p>H2 is embedded: its R2DBC driver runs each statement synchronously in the subscribing thread, which in the
 * application is a Netty event loop and in the tests often a Reactor parallel thread. When two transactions touch
 * the same row, the second waits for the first to end ({@code Object.wait} in
 * {@code org.h2.mvstore.tx.Transaction#waitForThisToEnd}); when two threads change the same internal map at once,
 * one spins ({@code Thread.yield}, then short waits, in {@code org.h2.mvstore.MVMap#tryLock}). Both showed up
 * when updating one tenant concurrently from parallel threads (the first reliably in
 * {@code R2dbcTenantsTestBase#concurrentUpdatesOfOneTenantFromNonBlockingThreadsEachApplyWhole}). The waits are short because the
 * transaction holding the lock is itself running synchronously on another thread, and H2's lock timeout bounds
 * them. PostgreSQL has no such waits in the client: its locks are waited for on the server.
 *
 * <p>Without this allowance BlockHound throws from inside the engine in the middle of a write, which leaves H2's
 * transaction state broken (later statements failed with "Row not found when trying to delete from index", chosen
 * deadlock victims, and hangs). File I/O is deliberately not allowed: with H2's default settings the file store is
 * written by H2's own background thread, so a file access on an event loop would be worth hearing about.
 *
 * <p>Registered through {@code META-INF/services} in this module's test-jar, so the tests of modules that depend on
 * the test-jar (bootstrap) get it too.
 */
public final class H2BlockHoundIntegration implements BlockHoundIntegration {

    @Override
    public void applyTo(BlockHound.Builder builder) {
        builder.allowBlockingCallsInside("org.h2.mvstore.tx.Transaction", "waitForThisToEnd");
        builder.allowBlockingCallsInside("org.h2.mvstore.MVMap", "tryLock");
    }
}
