package dev.concierge.adapter.persistence.token;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.tenant.R2dbcTenants;
import dev.concierge.adapter.persistence.transaction.R2dbcTransactions;
import dev.concierge.application.port.out.OneTimeTokens;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.testing.OneTimeTokensContractTest;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.token.OneTimeToken;
import dev.concierge.domain.token.SecretToken;
import dev.concierge.domain.token.TokenPurpose;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

/**
 * The {@link OneTimeTokens} contract plus what is specific to a database: only the hash is stored, tokens go with
 * their tenant, the purpose is checked, statements run on non-blocking threads and find their rows through the
 * indexes. Subclasses provide a migrated, empty database.
 */
abstract class R2dbcOneTimeTokensTestBase extends OneTimeTokensContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123456Z");

    /** A connection factory for a migrated database without tokens or tenants. */
    protected abstract ConnectionFactory connectionFactory();

    /** Makes the database prefer an index it could use over reading the whole (tiny) table, for the current transaction. */
    protected abstract Mono<Void> preferIndexes(DatabaseClient database);

    @Override
    protected OneTimeTokens tokens() {
        return R2dbcOneTimeTokens.using(connectionFactory());
    }

    @Override
    protected Transactions transactions() {
        return R2dbcTransactions.using(connectionFactory());
    }

    @Override
    protected Tenants tenants() {
        return R2dbcTenants.using(connectionFactory(), Clock.systemUTC());
    }

    @Test
    void storesTheHashAndNotTheSecret() {
        SecretToken secret = SecretToken.generate();
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        tokens().add(OneTimeToken.issue(secret, TokenPurpose.PASSWORD_RESET, tenant.id(), OneTimeToken.OWNER, NOW))
                .block(TIMEOUT);

        String stored = DatabaseClient.create(connectionFactory())
                .sql("SELECT token_hash FROM one_time_token WHERE tenant_id = :tenantId")
                .bind("tenantId", tenant.id().value())
                .map(row -> row.get("token_hash", String.class))
                .one()
                .block(TIMEOUT);

        assertThat(stored).isEqualTo(secret.hash().hex()).doesNotContain(secret.value());
    }

    @Test
    void tokensGoWithTheirTenant() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        OneTimeToken token = OneTimeToken.issue(SecretToken.generate(), TokenPurpose.EMAIL_VERIFICATION, tenant.id(),
                OneTimeToken.OWNER, NOW);
        OneTimeTokens tokens = tokens();
        tokens.add(token).block(TIMEOUT);

        DatabaseClient.create(connectionFactory()).sql("DELETE FROM tenant WHERE id = :id")
                .bind("id", tenant.id().value()).then().block(TIMEOUT);

        StepVerifier.create(tokens.find(token.purpose(), token.hash(), NOW)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aTokenOfAnUnknownTenantIsRefused() {
        OneTimeTokens tokens = tokens();
        OneTimeToken orphan = OneTimeToken.issue(SecretToken.generate(), TokenPurpose.PASSWORD_RESET,
                TenantId.random(), OneTimeToken.OWNER, NOW);

        StepVerifier.create(tokens.add(orphan)).expectError(DataIntegrityViolationException.class).verify(TIMEOUT);
    }

    @Test
    void checkConstraintRefusesAPurposeTheDomainDoesNotKnow() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        OneTimeToken token = OneTimeToken.issue(SecretToken.generate(), TokenPurpose.PASSWORD_RESET, tenant.id(),
                OneTimeToken.OWNER, NOW);
        OneTimeTokens tokens = tokens();
        tokens.add(token).block(TIMEOUT);

        StepVerifier.create(DatabaseClient.create(connectionFactory())
                        .sql("UPDATE one_time_token SET purpose = 'LOGIN' WHERE token_hash = :hash")
                        .bind("hash", token.hash().hex()).fetch().rowsUpdated())
                .expectError(DataIntegrityViolationException.class).verify(TIMEOUT);
        StepVerifier.create(tokens.find(token.purpose(), token.hash(), NOW)).expectNext(token).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void everyPurposeTheDomainKnowsIsStored() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        OneTimeTokens tokens = tokens();

        for (TokenPurpose purpose : TokenPurpose.values()) {
            OneTimeToken token = OneTimeToken.issue(SecretToken.generate(), purpose, tenant.id(), OneTimeToken.OWNER,
                    NOW);
            StepVerifier.create(tokens.add(token).then(tokens.find(purpose, token.hash(), NOW))).expectNext(token)
                    .expectComplete().verify(TIMEOUT);
        }
    }

    @Test
    void worksWhenCalledFromANonBlockingThread() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        OneTimeTokens tokens = tokens();
        OneTimeToken token = OneTimeToken.issue(SecretToken.generate(), TokenPurpose.PASSWORD_RESET, tenant.id(),
                OneTimeToken.OWNER, NOW);

        // Mono.delay emits on Reactor's parallel scheduler, whose threads BlockHound treats as non-blocking.
        Mono<Long> flow = Mono.delay(Duration.ofMillis(1))
                .then(tokens.add(token))
                .then(tokens.find(token.purpose(), token.hash(), NOW))
                .then(tokens.consume(token.purpose(), token.hash(), NOW))
                .then(tokens.deleteAll(token.purpose(), tenant.id(), OneTimeToken.OWNER))
                .then(tokens.purgeExpired(NOW));

        StepVerifier.create(flow).expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void deletingATenantsTokensAndPurgingFindTheirRowsThroughIndexes() {
        assertThat(plan(R2dbcOneTimeTokens.DELETE_ALL, Map.of("tenantId", UUID.randomUUID(),
                "purpose", "PASSWORD_RESET", "subject", OneTimeToken.OWNER)))
                .containsIgnoringCase("ix_one_time_token_tenant");
        assertThat(plan(R2dbcOneTimeTokens.PURGE_EXPIRED, Map.of("now", OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC))))
                .containsIgnoringCase("ix_one_time_token_expires_at");
    }

    private String plan(String statement, Map<String, Object> parameters) {
        DatabaseClient database = DatabaseClient.create(connectionFactory());
        Mono<String> plan = preferIndexes(database).then(database.sql("EXPLAIN " + statement)
                .bindValues(parameters)
                .map(row -> row.get(0, String.class))
                .all()
                .reduce("", (text, line) -> text + line + "\n"));
        return R2dbcTransactions.using(connectionFactory()).inTransaction(plan).block(TIMEOUT);
    }
}
