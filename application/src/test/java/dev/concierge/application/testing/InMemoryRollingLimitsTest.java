package dev.concierge.application.testing;

import dev.concierge.application.port.out.RollingLimits;
import dev.concierge.application.port.out.Transactions;

class InMemoryRollingLimitsTest extends RollingLimitsContractTest {

    @Override
    protected RollingLimits limits() {
        return new InMemoryRollingLimits();
    }

    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }
}
