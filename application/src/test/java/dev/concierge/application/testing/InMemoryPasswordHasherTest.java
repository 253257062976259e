package dev.concierge.application.testing;

import dev.concierge.application.port.out.PasswordHasher;

class InMemoryPasswordHasherTest extends PasswordHasherContractTest {

    @Override
    protected PasswordHasher hasher() {
        return new InMemoryPasswordHasher();
    }
}
