package dev.concierge.application.testing;

import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;

class InMemoryTransactionsTest extends TransactionsContractTest {

    private final InMemoryTenants tenants = new InMemoryTenants();

    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }

    @Override
    protected Tenants tenants() {
        return tenants;
    }
}
