package dev.concierge.adapter.persistence.transaction;

import dev.concierge.application.port.out.Transactions;
import io.r2dbc.spi.ConnectionFactory;
import java.util.Objects;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@link Transactions} on one R2DBC connection factory, through Spring's reactive transaction management. The
 * transaction's connection travels in the Reactor context, bound to the connection factory, so every
 * {@code DatabaseClient} or {@code R2dbcEntityTemplate} on the same connection factory joins it.
 *
 * <p>Nested calls use propagation {@code NESTED}: a savepoint inside a running transaction, a new transaction
 * otherwise. Rolling back to a savepoint also clears PostgreSQL's "transaction aborted" state, so surrounding work
 * that recovers from a failed nested call can go on writing on PostgreSQL exactly as on H2.
 */
public final class R2dbcTransactions implements Transactions {

    private final TransactionalOperator operator;

    public R2dbcTransactions(ReactiveTransactionManager transactionManager) {
        this.operator = TransactionalOperator.create(Objects.requireNonNull(transactionManager, "transactionManager"),
                new DefaultTransactionDefinition(TransactionDefinition.PROPAGATION_NESTED));
    }

    /** Transactions on {@code connectionFactory}, with a transaction manager of their own. */
    public static R2dbcTransactions using(ConnectionFactory connectionFactory) {
        return new R2dbcTransactions(new R2dbcTransactionManager(connectionFactory));
    }

    @Override
    public <T> Mono<T> inTransaction(Mono<T> work) {
        return operator.transactional(Objects.requireNonNull(work, "work"));
    }

    @Override
    public <T> Flux<T> inTransaction(Flux<T> work) {
        return operator.transactional(Objects.requireNonNull(work, "work"));
    }
}
