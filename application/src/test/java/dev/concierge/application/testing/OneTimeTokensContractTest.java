package dev.concierge.application.testing;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static dev.concierge.domain.token.TokenPurpose.EMAIL_VERIFICATION;
import static dev.concierge.domain.token.TokenPurpose.PASSWORD_RESET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.out.OneTimeTokens;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.token.OneTimeToken;
import dev.concierge.domain.token.SecretToken;
import dev.concierge.domain.token.TokenPurpose;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every implementation of {@link OneTimeTokens} must do. Subclasses provide an empty store per test, the
 * transactions it takes part in, and the tenant store of the same implementation: the tokens' tenants are stored
 * there first, as a database's foreign keys need. Instants are whole microseconds, which every store keeps exactly.
 */
public abstract class OneTimeTokensContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123456Z");
    private static final Duration MICRO = Duration.of(1, ChronoUnit.MICROS);

    private OneTimeTokens tokens;
    private Transactions transactions;
    private TenantId tenant;
    private TenantId otherTenant;

    /** A store holding no tokens; called once per test. */
    protected abstract OneTimeTokens tokens();

    /** Transactions that the store of {@link #tokens()} takes part in; called once per test. */
    protected abstract Transactions transactions();

    /** The tenant store of the same implementation, where the tokens' tenants are added; called once per test. */
    protected abstract Tenants tenants();

    @BeforeEach
    void storeTwoTenants() {
        tokens = tokens();
        transactions = transactions();
        Tenants tenants = tenants();
        tenant = tenants.add(activeTenant().build()).block(TIMEOUT).id();
        otherTenant = tenants.add(activeTenant().build()).block(TIMEOUT).id();
    }

    @Test
    void anAddedTokenIsFoundExactlyAsStoredUntilJustBeforeItExpires() {
        OneTimeToken token = new OneTimeToken(SecretToken.generate().hash(), PASSWORD_RESET, tenant,
                "ü".repeat(OneTimeToken.MAX_SUBJECT_LENGTH), NOW, NOW.plus(PASSWORD_RESET.lifetime()));

        StepVerifier.create(tokens.add(token)).expectComplete().verify(TIMEOUT);

        StepVerifier.create(tokens.find(PASSWORD_RESET, token.hash(), NOW)).expectNext(token).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(tokens.find(PASSWORD_RESET, token.hash(), token.expiresAt().minus(MICRO)))
                .expectNext(token).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aTokenIsNoLongerValidAtTheInstantItExpires() {
        OneTimeToken token = stored(PASSWORD_RESET, tenant, OneTimeToken.OWNER);

        StepVerifier.create(tokens.find(PASSWORD_RESET, token.hash(), token.expiresAt())).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(tokens.consume(PASSWORD_RESET, token.hash(), token.expiresAt())).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(tokens.consume(PASSWORD_RESET, token.hash(), token.expiresAt().plusSeconds(1)))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void aTokenIsFoundOnlyUnderItsOwnPurpose() {
        OneTimeToken reset = stored(PASSWORD_RESET, tenant, OneTimeToken.OWNER);

        StepVerifier.create(tokens.find(EMAIL_VERIFICATION, reset.hash(), NOW)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(tokens.consume(EMAIL_VERIFICATION, reset.hash(), NOW)).expectComplete().verify(TIMEOUT);
        // The attempt under the wrong purpose used nothing up.
        StepVerifier.create(tokens.find(PASSWORD_RESET, reset.hash(), NOW)).expectNext(reset).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void unknownTokensAreEmpty() {
        StepVerifier.create(tokens.find(PASSWORD_RESET, SecretToken.generate().hash(), NOW)).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(tokens.consume(PASSWORD_RESET, SecretToken.generate().hash(), NOW)).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aTokenIsConsumedOnceAndIsGoneAfterwards() {
        OneTimeToken token = stored(EMAIL_VERIFICATION, tenant, OneTimeToken.OWNER);
        Instant later = NOW.plusSeconds(60);

        StepVerifier.create(tokens.consume(EMAIL_VERIFICATION, token.hash(), later)).expectNext(token)
                .expectComplete().verify(TIMEOUT);

        StepVerifier.create(tokens.consume(EMAIL_VERIFICATION, token.hash(), later)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(tokens.find(EMAIL_VERIFICATION, token.hash(), later)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void ofConcurrentConsumesOfOneTokenExactlyOneReturnsIt() {
        OneTimeToken token = stored(PASSWORD_RESET, tenant, OneTimeToken.OWNER);
        int contenders = 16;

        List<OneTimeToken> consumed = Flux.range(0, contenders)
                .flatMap(i -> tokens.consume(PASSWORD_RESET, token.hash(), NOW).subscribeOn(Schedulers.parallel()),
                        contenders)
                .collectList()
                .block(TIMEOUT);

        assertThat(consumed).containsExactly(token);
    }

    @Test
    void aConsumeInATransactionThatRollsBackLeavesTheTokenValid() {
        OneTimeToken token = stored(PASSWORD_RESET, tenant, OneTimeToken.OWNER);

        StepVerifier.create(transactions.inTransaction(tokens.consume(PASSWORD_RESET, token.hash(), NOW)
                        .then(Mono.error(new IllegalStateException("the new password could not be stored")))))
                .expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(tokens.find(PASSWORD_RESET, token.hash(), NOW)).expectNext(token).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(transactions.inTransaction(tokens.consume(PASSWORD_RESET, token.hash(), NOW)))
                .expectNext(token).expectComplete().verify(TIMEOUT);
        StepVerifier.create(tokens.find(PASSWORD_RESET, token.hash(), NOW)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aTokenAddedInATransactionThatRollsBackIsNotStored() {
        OneTimeToken token = token(PASSWORD_RESET, tenant, OneTimeToken.OWNER);

        StepVerifier.create(transactions.inTransaction(tokens.add(token)
                        .then(Mono.error(new IllegalStateException("the mail could not be queued")))))
                .expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(tokens.find(PASSWORD_RESET, token.hash(), NOW)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void addingASecondTokenWithTheSameHashFailsAndStoresNothingOfIt() {
        OneTimeToken first = stored(PASSWORD_RESET, tenant, OneTimeToken.OWNER);
        OneTimeToken twin = new OneTimeToken(first.hash(), EMAIL_VERIFICATION, otherTenant, "someone-else",
                NOW.plusSeconds(1), NOW.plus(Duration.ofDays(2)));

        StepVerifier.create(tokens.add(twin)).expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(tokens.find(PASSWORD_RESET, first.hash(), NOW)).expectNext(first).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(tokens.find(EMAIL_VERIFICATION, first.hash(), NOW.plusSeconds(2))).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(tokens.deleteAll(EMAIL_VERIFICATION, otherTenant, "someone-else")).expectNext(0L)
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void aRefusedDuplicateDoesNotSpoilTheSurroundingTransaction() {
        OneTimeToken first = stored(PASSWORD_RESET, tenant, OneTimeToken.OWNER);
        OneTimeToken twin = new OneTimeToken(first.hash(), PASSWORD_RESET, otherTenant, OneTimeToken.OWNER, NOW,
                NOW.plusSeconds(60));
        OneTimeToken next = token(PASSWORD_RESET, otherTenant, OneTimeToken.OWNER);

        Mono<Void> work = tokens.add(twin).onErrorResume(IllegalStateException.class, refused -> Mono.empty())
                .then(tokens.add(next));

        StepVerifier.create(transactions.inTransaction(work)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(tokens.find(PASSWORD_RESET, next.hash(), NOW)).expectNext(next).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(tokens.find(PASSWORD_RESET, first.hash(), NOW)).expectNext(first).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void deleteAllRemovesEveryTokenOfOnePurposeTenantAndSubjectExpiredOrNot() {
        OneTimeToken expired = new OneTimeToken(SecretToken.generate().hash(), PASSWORD_RESET, tenant,
                OneTimeToken.OWNER, NOW.minusSeconds(7200), NOW.minusSeconds(3600));
        tokens.add(expired).block(TIMEOUT);
        OneTimeToken valid = stored(PASSWORD_RESET, tenant, OneTimeToken.OWNER);
        List<OneTimeToken> others = List.of(
                stored(EMAIL_VERIFICATION, tenant, OneTimeToken.OWNER),
                stored(PASSWORD_RESET, tenant, "booking:42"),
                stored(PASSWORD_RESET, otherTenant, OneTimeToken.OWNER));

        StepVerifier.create(tokens.deleteAll(PASSWORD_RESET, tenant, OneTimeToken.OWNER)).expectNext(2L)
                .expectComplete().verify(TIMEOUT);

        StepVerifier.create(tokens.find(PASSWORD_RESET, valid.hash(), NOW)).expectComplete().verify(TIMEOUT);
        for (OneTimeToken other : others) {
            StepVerifier.create(tokens.find(other.purpose(), other.hash(), NOW)).expectNext(other).expectComplete()
                    .verify(TIMEOUT);
        }
        StepVerifier.create(tokens.deleteAll(PASSWORD_RESET, tenant, OneTimeToken.OWNER)).expectNext(0L)
                .expectComplete().verify(TIMEOUT);
        // The expired one went too: nothing is left to purge.
        StepVerifier.create(tokens.purgeExpired(NOW)).expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void purgeDeletesTheTokensThatExpiredAtOrBeforeNowAndKeepsTheOthers() {
        OneTimeToken reset = stored(PASSWORD_RESET, tenant, OneTimeToken.OWNER);
        OneTimeToken verification = stored(EMAIL_VERIFICATION, tenant, OneTimeToken.OWNER);
        Instant resetExpiry = reset.expiresAt();

        StepVerifier.create(tokens.purgeExpired(resetExpiry.minus(MICRO))).expectNext(0L).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(tokens.purgeExpired(resetExpiry)).expectNext(1L).expectComplete().verify(TIMEOUT);

        StepVerifier.create(tokens.find(EMAIL_VERIFICATION, verification.hash(), resetExpiry)).expectNext(verification)
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(tokens.purgeExpired(resetExpiry)).expectNext(0L).expectComplete().verify(TIMEOUT);
        // A purged token stays invalid, and its hash may be stored again.
        StepVerifier.create(tokens.add(reset)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void deletesAndPurgesInATransactionThatRollsBackLeaveTheTokensValid() {
        OneTimeToken reset = stored(PASSWORD_RESET, tenant, OneTimeToken.OWNER);
        OneTimeToken verification = stored(EMAIL_VERIFICATION, tenant, OneTimeToken.OWNER);

        StepVerifier.create(transactions.inTransaction(tokens.deleteAll(PASSWORD_RESET, tenant, OneTimeToken.OWNER)
                        .then(tokens.purgeExpired(verification.expiresAt()))
                        .then(Mono.error(new IllegalStateException("rolled back")))))
                .expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(tokens.find(PASSWORD_RESET, reset.hash(), NOW)).expectNext(reset).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(tokens.find(EMAIL_VERIFICATION, verification.hash(), NOW)).expectNext(verification)
                .expectComplete().verify(TIMEOUT);
    }

    /** A new token issued at {@link #NOW} for its purpose's lifetime, stored. */
    private OneTimeToken stored(TokenPurpose purpose, TenantId tenantId, String subject) {
        OneTimeToken token = token(purpose, tenantId, subject);
        tokens.add(token).block(TIMEOUT);
        return token;
    }

    private static OneTimeToken token(TokenPurpose purpose, TenantId tenantId, String subject) {
        return OneTimeToken.issue(SecretToken.generate(), purpose, tenantId, subject, NOW);
    }
}
