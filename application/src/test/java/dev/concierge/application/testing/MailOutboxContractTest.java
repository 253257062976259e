package dev.concierge.application.testing;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.out.ClaimedMail;
import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.MailOutbox;
import dev.concierge.application.port.out.MailStatus;
import dev.concierge.application.port.out.OutboxEntry;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every implementation of {@link MailOutbox} must do. Subclasses provide an empty outbox per test, the
 * transactions it takes part in, and the tenant store of the same implementation: the mails' tenants are stored there
 * first, as a database's foreign keys need. Instants are whole microseconds, which every store keeps exactly.
 */
public abstract class MailOutboxContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123456Z");
    private static final Duration MICRO = Duration.of(1, ChronoUnit.MICROS);
    private static final Duration LEASE = Duration.ofMinutes(5);
    private static final MailContent CONTENT = new MailContent("Passwort zurücksetzen",
            "Grüß Gott,\nhier ist Ihr Link: https://concierge.example/reset/abc\n",
            "<p>Grüß Gott,</p><p><a href=\"https://concierge.example/reset/abc\">Passwort ändern</a></p>");

    private MailOutbox outbox;
    private Transactions transactions;
    private TenantId tenant;
    private TenantId otherTenant;

    /** An outbox holding no mails; called once per test. */
    protected abstract MailOutbox outbox();

    /** Transactions that the outbox of {@link #outbox()} takes part in; called once per test. */
    protected abstract Transactions transactions();

    /** The tenant store of the same implementation, where the mails' tenants are added; called once per test. */
    protected abstract Tenants tenants();

    @BeforeEach
    void storeTwoTenants() {
        outbox = outbox();
        transactions = transactions();
        Tenants tenants = tenants();
        tenant = tenants.add(activeTenant().build()).block(TIMEOUT).id();
        otherTenant = tenants.add(activeTenant().build()).block(TIMEOUT).id();
    }

    @Test
    void aQueuedMailIsPendingDueAtItsCreationWithNoAttemptYet() {
        OutgoingMail mail = mail(tenant, NOW);

        StepVerifier.create(outbox.enqueue(mail)).expectComplete().verify(TIMEOUT);

        StepVerifier.create(outbox.findById(mail.id()))
                .expectNext(new OutboxEntry(mail.id(), mail.messageId(), tenant, mail.to(), CONTENT.subject(),
                        MailStatus.PENDING, 0, NOW, NOW, null, null))
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.findById(UUID.randomUUID())).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aClaimReturnsTheMailExactlyAsQueuedAsItsFirstAttempt() {
        String text = text("Grüße aus München – ½ € ✓ \uD83E\uDD50\n", MailContent.MAX_BODY_LENGTH);
        String html = "<p>" + text("Grüße &amp; <b>\uD83E\uDD50</b><br>", MailContent.MAX_BODY_LENGTH - 7) + "</p>";
        MailContent longest = new MailContent("Ä".repeat(MailContent.MAX_SUBJECT_LENGTH), text, html);
        String domain = "@mail.concierge.example>";
        OutgoingMail mail = new OutgoingMail(UUID.randomUUID(),
                "<" + "m".repeat(OutgoingMail.MAX_MESSAGE_ID_LENGTH - 1 - domain.length()) + domain, null,
                EmailAddress.of("owner+outbox@bakery.example"), longest, NOW);
        assertThat(html).hasSize(MailContent.MAX_BODY_LENGTH);
        assertThat(mail.messageId()).hasSize(OutgoingMail.MAX_MESSAGE_ID_LENGTH);
        outbox.enqueue(mail).block(TIMEOUT);

        StepVerifier.create(outbox.claimDue(NOW, LEASE, 10)).expectNext(new ClaimedMail(mail, 1)).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(outbox.findById(mail.id())).assertNext(entry -> {
            assertThat(entry.attempts()).isEqualTo(1);
            assertThat(entry.nextAttemptAt()).isEqualTo(NOW.plus(LEASE));
            assertThat(entry.tenantId()).isNull();
            assertThat(entry.subject()).isEqualTo(longest.subject());
        }).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aCalendarInvitationComesBackExactlyAsQueuedOnEveryAttempt() {
        String event = "BEGIN:VEVENT\r\nUID:booking-1@concierge.example\r\nSEQUENCE:0\r\n"
                + "SUMMARY:Termin bei der Bäckerei Müller – Größe ½ \uD83E\uDD50\r\n"
                + "DESCRIPTION:Bitte klingeln\\, Tür 2\\nDanke!\r\nEND:VEVENT\r\n";
        String head = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Concierge//DE\r\nMETHOD:REQUEST\r\n";
        String tail = "END:VCALENDAR\r\n";
        String calendar = head + text(event, MailContent.MAX_BODY_LENGTH - head.length() - tail.length()) + tail;
        assertThat(calendar).hasSize(MailContent.MAX_BODY_LENGTH);
        OutgoingMail invitation = new OutgoingMail(UUID.randomUUID(), "<invitation-1@concierge.example>", tenant,
                EmailAddress.of("guest@example.org"), new MailContent(CONTENT.subject(), CONTENT.text(),
                        CONTENT.html(), calendar), NOW);
        OutgoingMail plain = enqueued(tenant, NOW.plusSeconds(1));
        outbox.enqueue(invitation).block(TIMEOUT);

        StepVerifier.create(outbox.claimDue(NOW.plusSeconds(1), LEASE, 10))
                .expectNext(new ClaimedMail(invitation, 1), new ClaimedMail(plain, 1)).expectComplete()
                .verify(TIMEOUT);
        outbox.markFailed(invitation.id(), "550 refused").then(outbox.retry(invitation.id(), NOW)).block(TIMEOUT);

        StepVerifier.create(outbox.claimDue(NOW, LEASE, 10)).assertNext(claimed -> {
            assertThat(claimed.mail()).isEqualTo(invitation);
            assertThat(claimed.mail().content().calendar()).isEqualTo(calendar);
            assertThat(claimed.mail().content().calendarMethod()).hasValue("REQUEST");
        }).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aClaimTakesOnlyDueMailsEarliestFirstUpToTheLimit() {
        OutgoingMail third = enqueued(tenant, NOW.plusSeconds(3));
        OutgoingMail first = enqueued(tenant, NOW.plusSeconds(1));
        OutgoingMail notYet = enqueued(otherTenant, NOW.plusSeconds(10));
        OutgoingMail second = enqueued(null, NOW.plusSeconds(2));
        Instant claimAt = NOW.plusSeconds(5);

        StepVerifier.create(outbox.claimDue(claimAt, LEASE, 2))
                .expectNext(new ClaimedMail(first, 1), new ClaimedMail(second, 1)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.claimDue(claimAt, LEASE, 100)).expectNext(new ClaimedMail(third, 1))
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.claimDue(notYet.createdAt().minus(MICRO), LEASE, 100)).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(outbox.claimDue(notYet.createdAt(), LEASE, 100)).expectNext(new ClaimedMail(notYet, 1))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void aClaimedMailIsHiddenUntilItsLeaseEndsAndThenClaimedAgainAsTheNextAttempt() {
        OutgoingMail mail = enqueued(tenant, NOW);
        outbox.claimDue(NOW, LEASE, 1).blockLast(TIMEOUT);

        StepVerifier.create(outbox.claimDue(NOW.plus(LEASE).minus(MICRO), LEASE, 10)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.claimDue(NOW.plus(LEASE), LEASE, 10)).expectNext(new ClaimedMail(mail, 2))
                .expectComplete().verify(TIMEOUT);

        StepVerifier.create(outbox.findById(mail.id())).assertNext(entry -> {
            assertThat(entry.status()).isEqualTo(MailStatus.PENDING);
            assertThat(entry.attempts()).isEqualTo(2);
            assertThat(entry.nextAttemptAt()).isEqualTo(NOW.plus(LEASE).plus(LEASE));
        }).expectComplete().verify(TIMEOUT);
    }

    @Test
    void concurrentClaimsNeverReturnTheSameMailAndLoseNone() {
        List<UUID> queued = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            queued.add(enqueued(i % 2 == 0 ? tenant : null, NOW.plus(Duration.ofMillis(i))).id());
        }
        Instant claimAt = NOW.plusSeconds(1);

        List<ClaimedMail> concurrently = Flux.range(0, 8)
                .flatMap(i -> outbox.claimDue(claimAt, LEASE, 5).subscribeOn(Schedulers.parallel()), 8)
                .collectList()
                .block(TIMEOUT);
        List<ClaimedMail> rest = outbox.claimDue(claimAt, LEASE, 100).collectList().block(TIMEOUT);

        List<UUID> claimed = new ArrayList<>();
        concurrently.forEach(mail -> claimed.add(mail.mail().id()));
        rest.forEach(mail -> claimed.add(mail.mail().id()));
        assertThat(claimed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(queued);
        assertThat(concurrently).isNotEmpty().allSatisfy(mail -> assertThat(mail.attempt()).isEqualTo(1));
    }

    @Test
    void aSentMailKeepsItsRecordButIsNeverClaimedAgain() {
        OutgoingMail mail = enqueued(tenant, NOW);
        outbox.claimDue(NOW, LEASE, 1).blockLast(TIMEOUT);
        outbox.retryLater(mail.id(), NOW.plusSeconds(1), "421 try again later").block(TIMEOUT);
        outbox.claimDue(NOW.plusSeconds(1), LEASE, 1).blockLast(TIMEOUT);

        StepVerifier.create(outbox.markSent(mail.id(), NOW.plusSeconds(2))).expectComplete().verify(TIMEOUT);

        StepVerifier.create(outbox.findById(mail.id()))
                .expectNext(new OutboxEntry(mail.id(), mail.messageId(), tenant, mail.to(), CONTENT.subject(),
                        MailStatus.SENT, 2, NOW, NOW.plusSeconds(1).plus(LEASE), NOW.plusSeconds(2), null))
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.claimDue(NOW.plus(Duration.ofDays(365)), LEASE, 100)).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(outbox.retry(mail.id(), NOW.plusSeconds(3))).expectNext(false).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aMailToRetryLaterWaitsUntilThenWithItsErrorOnRecord() {
        OutgoingMail mail = enqueued(tenant, NOW);
        outbox.claimDue(NOW, LEASE, 1).blockLast(TIMEOUT);
        Instant next = NOW.plus(Duration.ofMinutes(2));

        StepVerifier.create(outbox.retryLater(mail.id(), next, "421 4.7.0 Try again later")).expectComplete()
                .verify(TIMEOUT);

        StepVerifier.create(outbox.findById(mail.id()))
                .expectNext(new OutboxEntry(mail.id(), mail.messageId(), tenant, mail.to(), CONTENT.subject(),
                        MailStatus.PENDING, 1, NOW, next, null, "421 4.7.0 Try again later"))
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.claimDue(next.minus(MICRO), LEASE, 10)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.claimDue(next, LEASE, 10)).expectNext(new ClaimedMail(mail, 2)).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aFailedMailIsNotClaimedUntilRetriedAndThenStartsOverWithItsContent() {
        OutgoingMail mail = enqueued(null, NOW);
        outbox.claimDue(NOW, LEASE, 1).blockLast(TIMEOUT);

        StepVerifier.create(outbox.markFailed(mail.id(), "550 5.1.1 No such user")).expectComplete().verify(TIMEOUT);

        StepVerifier.create(outbox.findById(mail.id()))
                .expectNext(new OutboxEntry(mail.id(), mail.messageId(), null, mail.to(), CONTENT.subject(),
                        MailStatus.FAILED, 1, NOW, NOW.plus(LEASE), null, "550 5.1.1 No such user"))
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.claimDue(NOW.plus(Duration.ofDays(365)), LEASE, 100)).expectComplete()
                .verify(TIMEOUT);

        Instant retriedAt = NOW.plus(Duration.ofHours(1));
        StepVerifier.create(outbox.retry(mail.id(), retriedAt)).expectNext(true).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.findById(mail.id())).assertNext(entry -> {
            assertThat(entry.status()).isEqualTo(MailStatus.PENDING);
            assertThat(entry.attempts()).isZero();
            assertThat(entry.nextAttemptAt()).isEqualTo(retriedAt);
        }).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.retry(mail.id(), retriedAt)).expectNext(false).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.claimDue(retriedAt, LEASE, 10)).expectNext(new ClaimedMail(mail, 1))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void retryingAnUnknownPendingOrSentMailChangesNothing() {
        OutgoingMail pending = enqueued(tenant, NOW);
        OutgoingMail sent = enqueued(tenant, NOW);
        outbox.markSent(sent.id(), NOW.plusSeconds(1)).block(TIMEOUT);
        OutboxEntry pendingBefore = outbox.findById(pending.id()).block(TIMEOUT);
        OutboxEntry sentBefore = outbox.findById(sent.id()).block(TIMEOUT);

        for (UUID id : List.of(UUID.randomUUID(), pending.id(), sent.id())) {
            StepVerifier.create(outbox.retry(id, NOW.plusSeconds(5))).expectNext(false).expectComplete()
                    .verify(TIMEOUT);
        }

        StepVerifier.create(outbox.findById(pending.id())).expectNext(pendingBefore).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.findById(sent.id())).expectNext(sentBefore).expectComplete().verify(TIMEOUT);
    }

    @Test
    void reportsOnAMailThatIsNotPendingChangeNothing() {
        OutgoingMail sent = enqueued(tenant, NOW);
        OutgoingMail failed = enqueued(tenant, NOW);
        outbox.markSent(sent.id(), NOW.plusSeconds(1)).block(TIMEOUT);
        outbox.markFailed(failed.id(), "550 refused").block(TIMEOUT);
        OutboxEntry sentBefore = outbox.findById(sent.id()).block(TIMEOUT);
        OutboxEntry failedBefore = outbox.findById(failed.id()).block(TIMEOUT);

        for (UUID id : List.of(sent.id(), failed.id(), UUID.randomUUID())) {
            StepVerifier.create(outbox.markSent(id, NOW.plusSeconds(9))).expectComplete().verify(TIMEOUT);
            StepVerifier.create(outbox.retryLater(id, NOW.plusSeconds(9), "late")).expectComplete().verify(TIMEOUT);
            StepVerifier.create(outbox.markFailed(id, "late")).expectComplete().verify(TIMEOUT);
        }

        StepVerifier.create(outbox.findById(sent.id())).expectNext(sentBefore).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.findById(failed.id())).expectNext(failedBefore).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.count(null, null)).expectNext(2L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void errorsAreCutToTheLongestTheOutboxKeeps() {
        OutgoingMail later = enqueued(tenant, NOW);
        OutgoingMail failed = enqueued(tenant, NOW);
        String exactly = "é".repeat(MailOutbox.MAX_ERROR_LENGTH);
        String longer = "Connection refused: " + "x".repeat(2 * MailOutbox.MAX_ERROR_LENGTH);

        outbox.retryLater(later.id(), NOW, exactly).block(TIMEOUT);
        outbox.markFailed(failed.id(), longer).block(TIMEOUT);

        assertThat(outbox.findById(later.id()).block(TIMEOUT).lastError()).isEqualTo(exactly);
        assertThat(outbox.findById(failed.id()).block(TIMEOUT).lastError())
                .isEqualTo(longer.substring(0, MailOutbox.MAX_ERROR_LENGTH));
    }

    @Test
    void listsNewestFirstFilteredByTenantAndStatusAndCountsAlike() {
        OutgoingMail a1 = enqueued(tenant, NOW.plusSeconds(1));
        OutgoingMail a2 = enqueued(tenant, NOW.plusSeconds(2));
        OutgoingMail b1 = enqueued(otherTenant, NOW.plusSeconds(3));
        OutgoingMail p1 = enqueued(null, NOW.plusSeconds(4));
        OutgoingMail a3 = enqueued(tenant, NOW.plusSeconds(5));
        outbox.markSent(a2.id(), NOW.plusSeconds(6)).block(TIMEOUT);
        outbox.markFailed(b1.id(), "550 refused").block(TIMEOUT);

        assertListed(null, null, 0, 10, a3, p1, b1, a2, a1);
        assertListed(null, null, 1, 2, p1, b1);
        assertListed(null, null, 4, 2, a1);
        assertListed(null, null, 5, 2);
        assertListed(tenant, null, 0, 10, a3, a2, a1);
        assertListed(tenant, MailStatus.SENT, 0, 10, a2);
        assertListed(null, MailStatus.FAILED, 0, 10, b1);
        assertListed(null, MailStatus.PENDING, 0, 10, a3, p1, a1);
        assertListed(otherTenant, MailStatus.PENDING, 0, 10);
        assertThat(outbox.count(null, null).block(TIMEOUT)).isEqualTo(5);
        assertThat(outbox.count(tenant, null).block(TIMEOUT)).isEqualTo(3);
        assertThat(outbox.count(null, MailStatus.PENDING).block(TIMEOUT)).isEqualTo(3);
        assertThat(outbox.count(tenant, MailStatus.PENDING).block(TIMEOUT)).isEqualTo(2);
        assertThat(outbox.count(otherTenant, MailStatus.SENT).block(TIMEOUT)).isZero();
        assertThat(outbox.list(null, null, 0, 1).blockFirst(TIMEOUT)).isEqualTo(outbox.findById(a3.id()).block(TIMEOUT));
    }

    @Test
    void mailsQueuedAtTheSameInstantAreListedByIdAsTheDatabaseOrdersIt() {
        // As unsigned bytes: what a database sorts by, and not what UUID.compareTo does for the upper half.
        List<UUID> ids = List.of(UUID.fromString("00000000-0000-4000-8000-000000000001"),
                UUID.fromString("7fffffff-ffff-4fff-bfff-ffffffffffff"),
                UUID.fromString("80000000-0000-4000-8000-000000000000"),
                UUID.fromString("ffffffff-0000-4000-8000-000000000000"));
        for (UUID id : List.of(ids.get(2), ids.get(0), ids.get(3), ids.get(1))) {
            outbox.enqueue(new OutgoingMail(id, "<" + id + "@concierge.example>", tenant,
                    EmailAddress.of("owner@bakery.example"), CONTENT, NOW)).block(TIMEOUT);
        }

        List<UUID> paged = Flux.concat(outbox.list(tenant, null, 0, 3), outbox.list(tenant, null, 3, 3))
                .map(OutboxEntry::id).collectList().block(TIMEOUT);

        assertThat(paged).containsExactlyElementsOf(ids);
    }

    @Test
    void listingRefusesAnOffsetOrLimitOutOfRange() {
        StepVerifier.create(outbox.list(null, null, -1, 10)).expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);
        StepVerifier.create(outbox.list(null, null, 0, 0)).expectError(IllegalArgumentException.class).verify(TIMEOUT);
        StepVerifier.create(outbox.list(null, null, 0, 1_001)).expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);
        StepVerifier.create(outbox.list(null, null, 0, 1_000)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void claimingRefusesALimitOutOfRange() {
        enqueued(tenant, NOW);

        StepVerifier.create(outbox.claimDue(NOW, LEASE, 0)).expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);
        StepVerifier.create(outbox.claimDue(NOW, LEASE, 101)).expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);
        StepVerifier.create(outbox.findById(outbox.list(null, null, 0, 1).blockFirst(TIMEOUT).id()))
                .assertNext(entry -> assertThat(entry.attempts()).isZero()).expectComplete().verify(TIMEOUT);
    }

    @Test
    void purgeDeletesOnlyTheMailsSentBeforeTheGivenInstant() {
        OutgoingMail early = enqueued(tenant, NOW);
        OutgoingMail late = enqueued(tenant, NOW);
        OutgoingMail pending = enqueued(tenant, NOW);
        OutgoingMail failed = enqueued(null, NOW);
        outbox.markSent(early.id(), NOW.plusSeconds(1)).block(TIMEOUT);
        outbox.markSent(late.id(), NOW.plusSeconds(5)).block(TIMEOUT);
        outbox.markFailed(failed.id(), "550 refused").block(TIMEOUT);

        StepVerifier.create(outbox.purgeSent(NOW.plusSeconds(5))).expectNext(1L).expectComplete().verify(TIMEOUT);

        StepVerifier.create(outbox.findById(early.id())).expectComplete().verify(TIMEOUT);
        for (OutgoingMail kept : List.of(late, pending, failed)) {
            StepVerifier.create(outbox.findById(kept.id())).expectNextCount(1).expectComplete().verify(TIMEOUT);
        }
        StepVerifier.create(outbox.purgeSent(NOW.plusSeconds(5))).expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aMailQueuedInATransactionThatRollsBackLeavesNothing() {
        OutgoingMail mail = mail(tenant, NOW);

        StepVerifier.create(transactions.inTransaction(outbox.enqueue(mail)
                        .then(Mono.error(new IllegalStateException("the booking could not be stored")))))
                .expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(outbox.findById(mail.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.claimDue(NOW, LEASE, 100)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.count(null, null)).expectNext(0L).expectComplete().verify(TIMEOUT);
        // Its id and Message-ID are free.
        StepVerifier.create(outbox.enqueue(mail)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void changesInATransactionThatRollsBackAreUndone() {
        OutgoingMail mail = enqueued(tenant, NOW);
        OutgoingMail failed = enqueued(tenant, NOW);
        outbox.markFailed(failed.id(), "550 refused").block(TIMEOUT);
        OutboxEntry mailBefore = outbox.findById(mail.id()).block(TIMEOUT);
        OutboxEntry failedBefore = outbox.findById(failed.id()).block(TIMEOUT);

        Mono<Object> work = outbox.claimDue(NOW, LEASE, 10).then(outbox.markSent(mail.id(), NOW))
                .then(outbox.retry(failed.id(), NOW)).then(outbox.purgeSent(NOW.plusSeconds(1)))
                .then(Mono.error(new IllegalStateException("rolled back")));
        StepVerifier.create(transactions.inTransaction(work)).expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(outbox.findById(mail.id())).expectNext(mailBefore).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.findById(failed.id())).expectNext(failedBefore).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.claimDue(NOW, LEASE, 10)).expectNext(new ClaimedMail(mail, 1)).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aSecondMailWithATakenIdOrMessageIdIsRefusedAndNothingOfItQueued() {
        OutgoingMail first = enqueued(tenant, NOW);
        OutgoingMail sameId = new OutgoingMail(first.id(), "<other@concierge.example>", otherTenant,
                EmailAddress.of("other@bakery.example"), CONTENT, NOW.plusSeconds(1));
        OutgoingMail sameMessageId = new OutgoingMail(UUID.randomUUID(), first.messageId(), otherTenant,
                EmailAddress.of("other@bakery.example"), CONTENT, NOW.plusSeconds(1));
        OutboxEntry before = outbox.findById(first.id()).block(TIMEOUT);

        StepVerifier.create(outbox.enqueue(sameId)).expectError(IllegalStateException.class).verify(TIMEOUT);
        StepVerifier.create(outbox.enqueue(sameMessageId)).expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(outbox.findById(first.id())).expectNext(before).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.findById(sameMessageId.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.count(null, null)).expectNext(1L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aRefusedDuplicateDoesNotSpoilTheSurroundingTransaction() {
        OutgoingMail first = enqueued(tenant, NOW);
        OutgoingMail duplicate = new OutgoingMail(UUID.randomUUID(), first.messageId(), tenant, first.to(), CONTENT,
                NOW);
        OutgoingMail next = mail(tenant, NOW);

        Mono<Void> work = outbox.enqueue(duplicate).onErrorResume(IllegalStateException.class, e -> Mono.empty())
                .then(outbox.enqueue(next));

        StepVerifier.create(transactions.inTransaction(work)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.count(null, null)).expectNext(2L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(outbox.findById(next.id())).expectNextCount(1).expectComplete().verify(TIMEOUT);
    }

    private void assertListed(TenantId tenantId, MailStatus status, long offset, int limit, OutgoingMail... expected) {
        assertThat(outbox.list(tenantId, status, offset, limit).map(OutboxEntry::id).collectList().block(TIMEOUT))
                .containsExactlyElementsOf(List.of(expected).stream().map(OutgoingMail::id).toList());
    }

    private OutgoingMail enqueued(TenantId tenantId, Instant createdAt) {
        OutgoingMail mail = mail(tenantId, createdAt);
        outbox.enqueue(mail).block(TIMEOUT);
        return mail;
    }

    /** {@code unit} repeated and then padded to exactly {@code length} characters, no surrogate pair cut apart. */
    private static String text(String unit, int length) {
        String repeated = unit.repeat(length / unit.length());
        return repeated + ".".repeat(length - repeated.length());
    }

    private static OutgoingMail mail(TenantId tenantId, Instant createdAt) {
        UUID id = UUID.randomUUID();
        return new OutgoingMail(id, "<" + id + "@concierge.example>", tenantId,
                EmailAddress.of("owner@bakery.example"), CONTENT, createdAt);
    }
}
