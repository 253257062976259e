package dev.concierge.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.MailDeliveryException;
import dev.concierge.application.port.out.MailStatus;
import dev.concierge.application.port.out.OutboxEntry;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.application.service.MailRelay.Outcome;
import dev.concierge.application.testing.InMemoryMailOutbox;
import dev.concierge.application.testing.TestClock;
import dev.concierge.domain.tenant.EmailAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class MailRelayTest {

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    private final List<String> delivered = new CopyOnWriteArrayList<>();
    private final List<RuntimeException> failures = new ArrayList<>();
    private final MailRelayPolicy policy = new MailRelayPolicy(3, 2, Duration.ofMinutes(5), 4, Duration.ofSeconds(30),
            Duration.ofMinutes(2), Duration.ofDays(7));
    private final MailRelay relay = new MailRelay(outbox, mail -> Mono.defer(() -> {
        if (!failures.isEmpty()) {
            return Mono.error(failures.remove(0));
        }
        delivered.add(mail.messageId());
        return Mono.empty();
    }), policy, clock);

    private OutgoingMail queue(String name) {
        UUID id = UUID.randomUUID();
        OutgoingMail mail = new OutgoingMail(id, "<" + name + "@concierge.example>", null,
                EmailAddress.of(name + "@shop.example"), new MailContent("Hello", "Hello there", "<p>Hello there</p>"),
                clock.instant());
        outbox.enqueue(mail).block();
        return mail;
    }

    private OutboxEntry entry(OutgoingMail mail) {
        return outbox.findById(mail.id()).block();
    }

    @Test
    void dueMailIsSentInBatchesUntilNoneIsLeft() {
        for (int i = 0; i < 7; i++) {
            queue("m" + i);
        }

        List<MailRelay.Delivery> deliveries = relay.relayDue().collectList().block();

        assertThat(deliveries).hasSize(7).allMatch(delivery -> delivery.outcome() == Outcome.SENT);
        assertThat(delivered).hasSize(7).doesNotHaveDuplicates();
        assertThat(outbox.count(null, MailStatus.SENT).block()).isEqualTo(7);
        assertThat(relay.relayDue().collectList().block()).isEmpty();
    }

    @Test
    void aFailedAttemptIsRetriedAfterADoublingWaitThenSent() {
        OutgoingMail mail = queue("slow");
        failures.add(new MailDeliveryException("connection refused", false, null));
        failures.add(new MailDeliveryException("connection refused", false, null));

        MailRelay.Delivery first = relay.relayDue().blockFirst();
        assertThat(first.outcome()).isEqualTo(Outcome.RETRY_LATER);
        assertThat(Duration.between(clock.instant(), first.nextAttempt()))
                .isBetween(Duration.ofSeconds(24), Duration.ofSeconds(30));
        assertThat(entry(mail).lastError()).isEqualTo("connection refused");
        assertThat(relay.relayDue().collectList().block()).as("not due yet").isEmpty();

        clock.advance(Duration.ofSeconds(30));
        MailRelay.Delivery second = relay.relayDue().blockFirst();
        assertThat(Duration.between(clock.instant(), second.nextAttempt()))
                .isBetween(Duration.ofSeconds(48), Duration.ofSeconds(60));

        clock.advance(Duration.ofMinutes(1));
        assertThat(relay.relayDue().blockFirst().outcome()).isEqualTo(Outcome.SENT);
        assertThat(entry(mail).status()).isEqualTo(MailStatus.SENT);
        assertThat(entry(mail).attempts()).isEqualTo(3);
        assertThat(delivered).containsExactly("<slow@concierge.example>");
    }

    @Test
    void afterTheLastAttemptTheMailIsMarkedFailedAndCanBeSentAgain() {
        OutgoingMail mail = queue("unlucky");
        for (int attempt = 1; attempt <= policy.maxAttempts(); attempt++) {
            failures.add(new MailDeliveryException("timeout", false, null));
            MailRelay.Delivery delivery = relay.relayDue().blockFirst();
            assertThat(delivery.outcome()).isEqualTo(attempt < policy.maxAttempts() ? Outcome.RETRY_LATER
                    : Outcome.FAILED);
            clock.advance(policy.maxRetry());
        }
        assertThat(entry(mail).status()).isEqualTo(MailStatus.FAILED);
        assertThat(relay.relayDue().collectList().block()).isEmpty();

        assertThat(outbox.retry(mail.id(), clock.instant()).block()).isTrue();
        assertThat(relay.relayDue().blockFirst().outcome()).isEqualTo(Outcome.SENT);
    }

    @Test
    void aPermanentRefusalIsNotRetried() {
        OutgoingMail mail = queue("nobody");
        failures.add(new MailDeliveryException("550 no such user", true, null));

        assertThat(relay.relayDue().blockFirst().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(entry(mail).lastError()).isEqualTo("550 no such user");
        assertThat(entry(mail).attempts()).isEqualTo(1);
    }

    @Test
    void aMailClaimedByAnInstanceThatDiedIsSentAfterItsLeaseWithTheSameMessageId() {
        OutgoingMail mail = queue("orphan");
        outbox.claimDue(clock.instant(), policy.lease(), 10).blockLast();

        assertThat(relay.relayDue().collectList().block()).as("leased to the dead instance").isEmpty();
        clock.advance(policy.lease());

        assertThat(relay.relayDue().blockFirst().attempt()).isEqualTo(2);
        assertThat(delivered).containsExactly(mail.messageId());
    }

    @Test
    void theWaitsDoubleUpToTheCap() {
        assertThat(policy.retryDelay(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.retryDelay(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.retryDelay(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(policy.retryDelay(30)).isEqualTo(Duration.ofMinutes(2));
        assertThat(MailRelayPolicy.defaults().retryDelay(12)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void sentMailIsDeletedAfterItsTimeOnRecord() {
        OutgoingMail mail = queue("old");
        relay.relayDue().blockLast();

        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThat(relay.purgeSent().block()).isEqualTo(1);
        assertThat(entry(mail)).isNull();
    }
}
