package dev.concierge.application.testing;

import dev.concierge.application.port.out.AttemptCounters;

class InMemoryAttemptCountersTest extends AttemptCountersContractTest {

    @Override
    protected AttemptCounters counters() {
        return new InMemoryAttemptCounters();
    }
}
