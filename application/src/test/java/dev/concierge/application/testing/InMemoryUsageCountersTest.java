package dev.concierge.application.testing;

import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.port.out.UsageCounters;

class InMemoryUsageCountersTest extends UsageCountersContractTest {

    @Override
    protected UsageCounters counters() {
        return new InMemoryUsageCounters();
    }

    @Override
    protected Transactions transactions() {
        return new InMemoryTransactions();
    }
}
