package dev.concierge.application.testing;

import dev.concierge.application.port.out.Conversations;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;

class InMemoryConversationsTest extends ConversationsContractTest {

    @Override
    protected Conversations conversations() {
        return new InMemoryConversations();
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
