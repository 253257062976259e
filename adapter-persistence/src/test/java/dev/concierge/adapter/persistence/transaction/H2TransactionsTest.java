package dev.concierge.adapter.persistence.transaction;

import dev.concierge.adapter.persistence.tenant.R2dbcTenants;
import dev.concierge.adapter.persistence.testing.TestH2;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.testing.TransactionsContractTest;
import java.time.Clock;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The transactions contract on a fresh in-memory H2 database, with the R2DBC tenants taking part. */
class H2TransactionsTest extends TransactionsContractTest {

    @RegisterExtension
    static final TestH2 H2 = TestH2.migrated();

    @Override
    protected Transactions transactions() {
        return R2dbcTransactions.using(H2.connectionFactory());
    }

    @Override
    protected Tenants tenants() {
        return R2dbcTenants.using(H2.connectionFactory(), Clock.systemUTC());
    }
}
