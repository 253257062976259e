package dev.concierge.application.port.out;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Makes several writes through the application's storage ports one unit: a change and the mail it causes (outbox),
 * a booking and its idempotency record. The stores that take part are those of the same implementation (the same
 * database, or the same in-memory stores); a store of another kind does not.
 *
 * <p>What every implementation promises:
 * <ul>
 * <li><b>All or nothing.</b> The writes that {@code work} makes through the participating stores commit together
 * when {@code work} completes, or not at all when it fails.</li>
 * <li><b>Errors roll back and are passed on.</b> Any error signalled by {@code work}, also one raised after its
 * writes succeeded and also a checked exception, rolls the transaction back and reaches the subscriber unchanged
 * (the same exception instance).</li>
 * <li><b>Reads see the transaction's own writes.</b> A read inside {@code work} sees what {@code work} wrote before
 * it.</li>
 * <li><b>Nested calls are part of the surrounding transaction.</b> Work passed to {@code inTransaction} while
 * another transaction runs (in the same Reactor subscription) commits only with the outermost work and is rolled back
 * with it. If the nested work fails, its own writes are undone and its error passed on; the surrounding work may
 * recover from that error and go on, and what it wrote itself still commits (a savepoint, in database terms).</li>
 * <li><b>Lazy.</b> Nothing happens until the returned publisher is subscribed to; every subscription runs
 * {@code work} in a transaction of its own, so a retry is a new transaction.</li>
 * </ul>
 *
 * <p>Not promised: isolation from concurrent transactions beyond what each store states, and the outcome when the
 * subscriber cancels before the work finished (do not cancel work that writes). The transaction is carried by the
 * Reactor subscription's context, so writes made on a separate subscription (for example one started with
 * {@code subscribe()} or {@code block()} inside {@code work}) do not take part.
 */
public interface Transactions {

    /**
     * Runs {@code work} in one transaction, or as part of the surrounding one.
     *
     * @param work the writes (and reads) to make atomic; not {@code null}
     * @return what {@code work} emits, after the transaction committed; empty if {@code work} is empty; the error of
     *         {@code work} after the transaction rolled back
     */
    <T> Mono<T> inTransaction(Mono<T> work);

    /**
     * Runs {@code work} in one transaction, or as part of the surrounding one, as {@link #inTransaction(Mono)} does.
     *
     * @param work the writes (and reads) to make atomic; not {@code null}
     * @return what {@code work} emits; it completes after the transaction committed, or signals the error of
     *         {@code work} after the transaction rolled back (elements emitted before the error were already sent)
     */
    <T> Flux<T> inTransaction(Flux<T> work);
}
