package dev.concierge.application.testing;

import dev.concierge.application.port.out.Tenants;

class InMemoryTenantsTest extends TenantsContractTest {

    @Override
    protected Tenants tenants() {
        return new InMemoryTenants();
    }
}
