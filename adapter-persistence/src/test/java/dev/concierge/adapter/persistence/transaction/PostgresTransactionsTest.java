package dev.concierge.adapter.persistence.transaction;

import dev.concierge.adapter.persistence.tenant.R2dbcTenants;
import dev.concierge.adapter.persistence.testing.TestPostgres;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.testing.TransactionsContractTest;
import java.time.Clock;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The transactions contract on PostgreSQL, with the R2DBC tenants taking part. Skipped, with the reason, when
 * {@link TestPostgres} finds no server (and failed instead on CI).
 */
@ExtendWith(TestPostgres.Emptied.class)
class PostgresTransactionsTest extends TransactionsContractTest {

    @Override
    protected Transactions transactions() {
        return R2dbcTransactions.using(TestPostgres.get().connectionFactory());
    }

    @Override
    protected Tenants tenants() {
        return R2dbcTenants.using(TestPostgres.get().connectionFactory(), Clock.systemUTC());
    }
}
