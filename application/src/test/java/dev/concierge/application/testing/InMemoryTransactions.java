package dev.concierge.application.testing;

import dev.concierge.application.port.out.Transactions;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * {@link Transactions} for the in-memory stores of this package. A transaction is an undo log carried in the Reactor
 * context: every in-memory store records how to undo each write it makes inside one ({@link #recordUndo}), and a
 * rollback runs those undo steps newest first. A nested transaction keeps a log of its own, which joins the
 * surrounding log when the nested work completes, and is undone at once when it fails.
 *
 * <p>Writes are applied when they are made, so concurrent readers see them before the commit; there is no isolation.
 * That is enough for tests and for embedding the core without storage, not for concurrent production use.
 */
public final class InMemoryTransactions implements Transactions {

    @Override
    public <T> Mono<T> inTransaction(Mono<T> work) {
        Objects.requireNonNull(work, "work");
        return Mono.usingWhen(begin(), log -> work.contextWrite(context -> context.put(UndoLog.class, log)),
                UndoLog::commit, (log, error) -> log.rollback(), UndoLog::rollback);
    }

    @Override
    public <T> Flux<T> inTransaction(Flux<T> work) {
        Objects.requireNonNull(work, "work");
        return Flux.usingWhen(begin(), log -> work.contextWrite(context -> context.put(UndoLog.class, log)),
                UndoLog::commit, (log, error) -> log.rollback(), UndoLog::rollback);
    }

    /**
     * For in-memory stores: call right after a write, with the subscription's context, so that a transaction that
     * rolls back undoes it. Outside a transaction the write simply stays.
     *
     * @param undo restores what the write replaced; it must take the store's own lock
     */
    public static void recordUndo(ContextView context, Runnable undo) {
        context.<UndoLog>getOrEmpty(UndoLog.class).ifPresent(log -> log.record(undo));
    }

    private static Mono<UndoLog> begin() {
        return Mono.deferContextual(context -> Mono.just(new UndoLog(context.getOrDefault(UndoLog.class, null))));
    }

    /** The undo steps of one transaction, oldest first; a nested one hands them to its parent on commit. */
    private static final class UndoLog {

        private final UndoLog parent;
        private final List<Runnable> steps = new ArrayList<>();

        UndoLog(UndoLog parent) {
            this.parent = parent;
        }

        synchronized void record(Runnable undo) {
            steps.add(undo);
        }

        Mono<Void> commit() {
            return Mono.fromRunnable(() -> {
                if (parent != null) {
                    take().forEach(parent::record);
                }
            });
        }

        Mono<Void> rollback() {
            return Mono.fromRunnable(() -> {
                List<Runnable> undo = take();
                for (int i = undo.size() - 1; i >= 0; i--) {
                    undo.get(i).run();
                }
            });
        }

        private synchronized List<Runnable> take() {
            List<Runnable> taken = List.copyOf(steps);
            steps.clear();
            return taken;
        }
    }
}
