package dev.concierge.application.testing;

import dev.concierge.application.port.out.AvailabilityRules;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;

class InMemoryAvailabilityRulesTest extends AvailabilityRulesContractTest {

    @Override
    protected AvailabilityRules rules() {
        return new InMemoryAvailabilityRules();
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
