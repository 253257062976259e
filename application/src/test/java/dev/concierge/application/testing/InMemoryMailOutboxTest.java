package dev.concierge.application.testing;

import dev.concierge.application.port.out.MailOutbox;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;

class InMemoryMailOutboxTest extends MailOutboxContractTest {

    @Override
    protected MailOutbox outbox() {
        return new InMemoryMailOutbox();
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
