package dev.concierge.application.service;

import dev.concierge.application.port.out.ClaimedMail;
import dev.concierge.application.port.out.MailDeliveryException;
import dev.concierge.application.port.out.MailOutbox;
import dev.concierge.application.port.out.MailSender;
import dev.concierge.application.port.out.OutgoingMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Takes due mails from the outbox and sends them. A failed attempt is retried with exponential backoff (with some
 * jitter, so that mails held up by one outage do not all come back at the same moment), until the policy's attempts
 * are used up or the server refuses the mail for good; then the mail is marked failed for an operator to see. Any
 * number of instances may relay at once: the outbox hands each mail to one of them.
 *
 * <p>A mail the server accepted is marked sent afterwards; if the instance dies between the two, the mail goes out
 * once more after its lease, with the same Message-ID, so that the receiving side can recognise it.
 */
public final class MailRelay {

    /** Rounds one call runs at most, so that a poll ends even while mail keeps arriving. */
    private static final int MAX_ROUNDS = 10;

    private final MailOutbox outbox;
    private final MailSender sender;
    private final MailRelayPolicy policy;
    private final Clock clock;

    public MailRelay(MailOutbox outbox, MailSender sender, MailRelayPolicy policy, Clock clock) {
        this.outbox = outbox;
        this.sender = sender;
        this.policy = policy;
        this.clock = clock;
    }

    /** What became of one attempt. */
    public record Delivery(OutgoingMail mail, int attempt, Outcome outcome, Instant nextAttempt, String error) {
    }

    /** The kinds of outcome. */
    public enum Outcome {
        SENT,
        RETRY_LATER,
        FAILED
    }

    /**
     * Sends what is due now: a batch, and further batches while they come full.
     *
     * @return one delivery per attempt, as attempts finish; errors when the outbox cannot be read or updated
     */
    public Flux<Delivery> relayDue() {
        return round(1);
    }

    /** Deletes sent mails older than the policy keeps them. */
    public Mono<Long> purgeSent() {
        return Mono.defer(() -> outbox.purgeSent(clock.instant().minus(policy.keepSent())));
    }

    private Flux<Delivery> round(int number) {
        return Flux.defer(() -> outbox.claimDue(clock.instant(), policy.lease(), policy.batchSize()))
                .collectList()
                .flatMapMany(claimed -> Flux.fromIterable(claimed)
                        .flatMap(this::attempt, policy.parallelSends())
                        .concatWith(claimed.size() == policy.batchSize() && number < MAX_ROUNDS
                                ? Flux.defer(() -> round(number + 1)) : Flux.empty()));
    }

    private Mono<Delivery> attempt(ClaimedMail claimed) {
        OutgoingMail mail = claimed.mail();
        // Materialized, so that only the send's own failure counts as a failed attempt, not the outbox's.
        return sender.send(mail)
                .materialize()
                .flatMap(signal -> signal.isOnError() ? failed(claimed, signal.getThrowable())
                        : outbox.markSent(mail.id(), clock.instant())
                                .thenReturn(new Delivery(mail, claimed.attempt(), Outcome.SENT, null, null)));
    }

    private Mono<Delivery> failed(ClaimedMail claimed, Throwable error) {
        OutgoingMail mail = claimed.mail();
        String reason = describe(error);
        boolean permanent = error instanceof MailDeliveryException delivery && delivery.permanent();
        if (permanent || claimed.attempt() >= policy.maxAttempts()) {
            return outbox.markFailed(mail.id(), reason)
                    .thenReturn(new Delivery(mail, claimed.attempt(), Outcome.FAILED, null, reason));
        }
        Instant next = clock.instant().plus(jittered(policy.retryDelay(claimed.attempt())));
        return outbox.retryLater(mail.id(), next, reason)
                .thenReturn(new Delivery(mail, claimed.attempt(), Outcome.RETRY_LATER, next, reason));
    }

    /** Between 80 and 100 per cent of the delay. */
    private static Duration jittered(Duration delay) {
        long millis = delay.toMillis();
        return Duration.ofMillis(millis - ThreadLocalRandom.current().nextLong(millis / 5 + 1));
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        String text = message == null || message.isBlank() ? error.getClass().getSimpleName() : message;
        return text.length() > MailOutbox.MAX_ERROR_LENGTH ? text.substring(0, MailOutbox.MAX_ERROR_LENGTH) : text;
    }
}
