package dev.concierge.adapter.persistence.transaction;

import dev.concierge.adapter.persistence.tenant.R2dbcTenants;
import dev.concierge.adapter.persistence.testing.TestPostgres;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.testing.TransactionsContractTest;
import java.time.Clock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transactions contract on PostgreSQL, with the R2DBC tenants taking part. Skipped, with the reason, when
 * {@link TestPostgres} finds no server.
 */
@ExtendWith(TestPostgres.Required.class)
class PostgresTransactionsTest extends TransactionsContractTest {

    private static TestPostgres postgres;

    @BeforeAll
    static void connect() {
        postgres = TestPostgres.get();
        postgres.migrate();
    }

    @BeforeEach
    void emptyTables() {
        postgres.truncateAll();
    }

    @Override
    protected Transactions transactions() {
        return R2dbcTransactions.using(postgres.connectionFactory());
    }

    @Override
    protected Tenants tenants() {
        return R2dbcTenants.using(postgres.connectionFactory(), Clock.systemUTC());
    }
}
