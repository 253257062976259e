package dev.concierge.adapter.persistence.mail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.testing.TestPostgres;
import dev.concierge.application.port.out.ClaimedMail;
import dev.concierge.application.port.out.MailOutbox;
import dev.concierge.application.port.out.OutgoingMail;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The mail outbox contract on PostgreSQL, migrated with the common and the PostgreSQL migrations, and the claim that
 * skips rather than waits for rows another transaction locked, which only PostgreSQL offers. Skipped, with the
 * reason, when {@link TestPostgres} finds no server (and failed instead on CI).
 */
@ExtendWith(TestPostgres.Emptied.class)
class PostgresMailOutboxTest extends R2dbcMailOutboxTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123456Z");
    private static final Duration LEASE = Duration.ofMinutes(5);

    @Override
    protected ConnectionFactory connectionFactory() {
        return TestPostgres.get().connectionFactory();
    }

    @Test
    void aClaimDoesNotWaitForAnotherClaimStillInItsTransaction() {
        MailOutbox outbox = outbox();
        OutgoingMail first = mail(null, NOW);
        OutgoingMail second = mail(null, NOW.plusSeconds(1));
        outbox.enqueue(first).then(outbox.enqueue(second)).block(TIMEOUT);

        // The first claim holds its mail locked for two seconds; the second claim skips that mail at once.
        Mono<List<ClaimedMail>> holding = transactions().inTransaction(outbox.claimDue(NOW.plusSeconds(5), LEASE, 1)
                .collectList().delayUntil(claimed -> Mono.delay(Duration.ofSeconds(2))));
        Mono<List<ClaimedMail>> meanwhile = Mono.delay(Duration.ofMillis(300))
                .then(outbox.claimDue(NOW.plusSeconds(5), LEASE, 2).collectList()
                        .subscribeOn(Schedulers.boundedElastic()))
                .elapsed()
                .doOnNext(timed -> assertThat(timed.getT1()).isLessThan(1_500))
                .map(timed -> timed.getT2());

        List<List<ClaimedMail>> claims = Flux.merge(holding, meanwhile).collectList().block(TIMEOUT);

        assertThat(claims).containsExactlyInAnyOrder(List.of(new ClaimedMail(first, 1)),
                List.of(new ClaimedMail(second, 1)));
    }

    /** A sequential scan is still chosen when nothing else can answer the statement, so the plan shows the choice. */
    @Override
    protected Mono<Void> preferIndexes(DatabaseClient database) {
        return database.sql("SET LOCAL enable_seqscan = off").then();
    }
}
