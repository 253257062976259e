package dev.concierge.application.testing;

import dev.concierge.application.port.out.OneTimeTokens;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;

class InMemoryOneTimeTokensTest extends OneTimeTokensContractTest {

    @Override
    protected OneTimeTokens tokens() {
        return new InMemoryOneTimeTokens();
    }

    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }

    @Override
    protected Tenants tenants() {
        return new InMemoryTenants();
    }
}
