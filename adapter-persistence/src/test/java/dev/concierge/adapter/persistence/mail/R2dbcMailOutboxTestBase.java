package dev.concierge.adapter.persistence.mail;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.tenant.R2dbcTenants;
import dev.concierge.adapter.persistence.transaction.R2dbcTransactions;
import dev.concierge.application.port.out.ClaimedMail;
import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.MailOutbox;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.testing.MailOutboxContractTest;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The {@link MailOutbox} contract plus what is specific to a database: the body leaves the table once sent, mails go
 * with their tenant, the checks hold, claims never repeat each other under load, statements run on non-blocking
 * threads and find their rows through the indexes. Subclasses provide a migrated, empty database.
 */
abstract class R2dbcMailOutboxTestBase extends MailOutboxContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123456Z");
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final MailContent CONTENT = new MailContent("Ihre Buchung", "Bis bald!", "<p>Bis bald!</p>");
    private static final String CALENDAR = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n";

    /** A connection factory for a migrated database without mails or tenants. */
    protected abstract ConnectionFactory connectionFactory();

    /** Makes the database prefer an index it could use over reading the whole (tiny) table, for the current transaction. */
    protected abstract Mono<Void> preferIndexes(DatabaseClient database);

    @Override
    protected MailOutbox outbox() {
        return R2dbcMailOutbox.using(connectionFactory());
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
    void sendingRemovesTheBodiesAndTheCalendarFromTheTable() {
        MailOutbox outbox = outbox();
        OutgoingMail mail = invitation(NOW);
        outbox.enqueue(mail).block(TIMEOUT);
        assertThat(bodies(mail.id())).containsExactly(CONTENT.text(), CONTENT.html(), CALENDAR);

        outbox.markSent(mail.id(), NOW).block(TIMEOUT);

        assertThat(bodies(mail.id())).containsExactly(null, null, null);
    }

    @Test
    void mailsGoWithTheirTenant() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        MailOutbox outbox = outbox();
        OutgoingMail about = mail(tenant.id(), NOW);
        OutgoingMail platform = mail(null, NOW);
        outbox.enqueue(about).then(outbox.enqueue(platform)).block(TIMEOUT);

        DatabaseClient.create(connectionFactory()).sql("DELETE FROM tenant WHERE id = :id")
                .bind("id", tenant.id().value()).then().block(TIMEOUT);

        StepVerifier.create(outbox.findById(about.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.findById(platform.id())).expectNextCount(1).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aMailAboutAnUnknownTenantIsRefused() {
        StepVerifier.create(outbox().enqueue(mail(TenantId.random(), NOW)))
                .expectError(DataIntegrityViolationException.class).verify(TIMEOUT);
    }

    @Test
    void checkConstraintRefusesACalendarWithoutTheBodies() {
        OutgoingMail mail = invitation(NOW);
        outbox().enqueue(mail).block(TIMEOUT);

        StepVerifier.create(DatabaseClient.create(connectionFactory())
                        .sql("UPDATE mail_outbox SET status = 'SENT', sent_at = created_at, text_body = NULL,"
                                + " html_body = NULL WHERE id = :id").bind("id", mail.id())
                        .fetch().rowsUpdated())
                .expectError(DataIntegrityViolationException.class).verify(TIMEOUT);
        StepVerifier.create(outbox().claimDue(NOW, LEASE, 1)).expectNext(new ClaimedMail(mail, 1)).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void checkConstraintsRefuseAnUnknownStatusAndASentMailWithABodyOrWithoutItsTime() {
        OutgoingMail mail = mail(null, NOW);
        outbox().enqueue(mail).block(TIMEOUT);

        for (String change : List.of("status = 'BOUNCED'", "status = 'SENT'",
                "status = 'SENT', sent_at = created_at", "sent_at = created_at", "html_body = NULL",
                "attempts = -1")) {
            StepVerifier.create(DatabaseClient.create(connectionFactory())
                            .sql("UPDATE mail_outbox SET " + change + " WHERE id = :id").bind("id", mail.id())
                            .fetch().rowsUpdated())
                    .expectError(DataIntegrityViolationException.class).verify(TIMEOUT);
        }
        StepVerifier.create(outbox().claimDue(NOW, LEASE, 1)).expectNext(new ClaimedMail(mail, 1)).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void manyRoundsOfConcurrentClaimsNeverHandOutAMailTwice() {
        MailOutbox outbox = outbox();
        List<UUID> queued = new ArrayList<>();
        Flux.range(0, 60).concatMap(i -> {
            OutgoingMail mail = mail(null, NOW.plusMillis(i % 7));
            queued.add(mail.id());
            return outbox.enqueue(mail);
        }).blockLast(TIMEOUT);

        // Each round, leases run out and every mail is due again: the claims race for all of them.
        List<UUID> claimed = new ArrayList<>();
        for (int round = 1; round <= 10; round++) {
            Instant at = NOW.plus(LEASE.multipliedBy(round));
            List<ClaimedMail> claims = Flux.range(0, 6)
                    .flatMap(i -> outbox.claimDue(at, LEASE, 7).subscribeOn(Schedulers.parallel()), 6)
                    .concatWith(outbox.claimDue(at, LEASE, 100))
                    .collectList()
                    .block(Duration.ofSeconds(30));
            int attempt = round;
            assertThat(claims).allSatisfy(mail -> assertThat(mail.attempt()).isEqualTo(attempt));
            claims.forEach(mail -> claimed.add(mail.mail().id()));
            assertThat(claimed).hasSize(queued.size() * round);
        }

        assertThat(claimed.subList(0, queued.size())).containsExactlyInAnyOrderElementsOf(queued);
    }

    @Test
    void worksWhenCalledFromANonBlockingThread() {
        MailOutbox outbox = outbox();
        OutgoingMail mail = mail(null, NOW);

        // Mono.delay emits on Reactor's parallel scheduler, whose threads BlockHound treats as non-blocking.
        Mono<Long> flow = Mono.delay(Duration.ofMillis(1))
                .then(outbox.enqueue(mail))
                .thenMany(outbox.claimDue(NOW, LEASE, 10))
                .then(outbox.retryLater(mail.id(), NOW, "busy"))
                .then(outbox.markFailed(mail.id(), "refused"))
                .then(outbox.retry(mail.id(), NOW))
                .then(outbox.markSent(mail.id(), NOW))
                .then(outbox.findById(mail.id()))
                .thenMany(outbox.list(null, null, 0, 10))
                .then(outbox.count(null, null))
                .then(outbox.purgeSent(NOW.plusSeconds(1)));

        StepVerifier.create(flow).expectNext(1L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void claimsAndPurgesFindTheirRowsThroughIndexes() {
        OffsetDateTime now = OffsetDateTime.ofInstant(NOW, ZoneOffset.UTC);

        assertThat(plan(R2dbcMailOutbox.DUE, Map.of("now", now, "limit", 10))).containsIgnoringCase("ix_mail_outbox_due");
        assertThat(plan(R2dbcMailOutbox.PURGE_SENT, Map.of("before", now))).containsIgnoringCase("ix_mail_outbox_sent_at");
        // H2 gives the foreign key an index of its own, which leads with tenant_id too, and prefers that one.
        assertThat(plan("SELECT id FROM mail_outbox WHERE tenant_id = :tenantId ORDER BY created_at DESC, id LIMIT 10",
                Map.of("tenantId", UUID.randomUUID()))).containsAnyOf("ix_mail_outbox_tenant", "FK_MAIL_OUTBOX_TENANT");
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

    private List<String> bodies(UUID id) {
        return DatabaseClient.create(connectionFactory())
                .sql("SELECT text_body, html_body, calendar_body FROM mail_outbox WHERE id = :id")
                .bind("id", id)
                .map(row -> Arrays.asList(row.get("text_body", String.class), row.get("html_body", String.class),
                        row.get("calendar_body", String.class)))
                .one()
                .block(TIMEOUT);
    }

    private static OutgoingMail invitation(Instant createdAt) {
        UUID id = UUID.randomUUID();
        return new OutgoingMail(id, "<" + id + "@concierge.example>", null, EmailAddress.of("guest@example.org"),
                new MailContent(CONTENT.subject(), CONTENT.text(), CONTENT.html(), CALENDAR), createdAt);
    }

    static OutgoingMail mail(TenantId tenantId, Instant createdAt) {
        UUID id = UUID.randomUUID();
        return new OutgoingMail(id, "<" + id + "@concierge.example>", tenantId, EmailAddress.of("guest@example.org"),
                CONTENT, createdAt);
    }
}
