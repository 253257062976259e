package dev.concierge.application.testing;

import dev.concierge.application.port.out.SessionTokens;

class InMemorySessionTokensTest extends SessionTokensContractTest {

    @Override
    protected SessionTokens tokens() {
        return new InMemorySessionTokens();
    }

    @Override
    protected SessionTokens tokensWithAnotherSecret() {
        return new InMemorySessionTokens();
    }

    @Override
    protected String secret() {
        return "no secret: the tokens are references";
    }
}
