package dev.concierge.application.port.out;

import dev.concierge.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The transactional outbox: mails are queued in the same {@link Transactions transaction} as the change that causes
 * them (a mail is queued if and only if the change commits), and pollers on any number of instances take them from
 * here to send. Each write is all or nothing.
 *
 * <p>A mail is {@link MailStatus#PENDING} until it is {@linkplain #markSent sent} or
 * {@linkplain #markFailed given up}. A pending mail is <em>due</em> at an instant at or after its next attempt.
 */
public interface MailOutbox {

    /** Errors are cut to this many characters. */
    int MAX_ERROR_LENGTH = 1000;

    /**
     * Queues a mail: pending, no attempt yet, due at its {@link OutgoingMail#createdAt()}.
     *
     * @return completes when queued; errors with {@link IllegalStateException}, queuing nothing, when a mail with the
     *         same id or Message-ID is queued already
     */
    Mono<Void> enqueue(OutgoingMail mail);

    /**
     * Takes up to {@code limit} mails that are due at {@code now}, the earliest due first, for an attempt: each one's
     * attempt count goes up by one and its next attempt moves to {@code now + lease}, so that no claim on any
     * instance returns it again before then. Should the claimer die before reporting, the mail is tried again after
     * the lease. Concurrent claims never return the same mail, and a claim does not wait for another to finish.
     *
     * @param limit 1 to 100
     * @return the claimed mails, with their content as queued
     */
    Flux<ClaimedMail> claimDue(Instant now, Duration lease, int limit);

    /**
     * The mail was sent: it becomes {@link MailStatus#SENT} at {@code now}, and its body is dropped (its recipient,
     * subject and Message-ID stay on record). No effect on a mail that is not pending.
     */
    Mono<Void> markSent(UUID id, Instant now);

    /**
     * An attempt failed for a reason that may pass: the mail stays pending, due at {@code nextAttempt}, with the
     * error on record. No effect on a mail that is not pending.
     */
    Mono<Void> retryLater(UUID id, Instant nextAttempt, String error);

    /**
     * Giving up: the mail becomes {@link MailStatus#FAILED} with the error on record; its body is kept so that it can
     * be {@linkplain #retry retried}. No effect on a mail that is not pending.
     */
    Mono<Void> markFailed(UUID id, String error);

    /**
     * Sends a failed mail again: it becomes pending, due at {@code now}, its attempt count back to 0.
     *
     * @return {@code true} if the mail was failed and is pending now; {@code false}, changing nothing, when it is
     *         unknown, pending or sent
     */
    Mono<Boolean> retry(UUID id, Instant now);

    /** @return the mail, or empty if none has this id */
    Mono<OutboxEntry> findById(UUID id);

    /**
     * One page of mails, the most recently queued first (ties broken by id).
     *
     * @param tenantId only the mails about this tenant, or {@code null} for all
     * @param status   only the mails in this status, or {@code null} for all
     * @param offset   how many to skip, at least 0
     * @param limit    how many at most, 1 to 1,000
     */
    Flux<OutboxEntry> list(TenantId tenantId, MailStatus status, long offset, int limit);

    /** @return how many mails {@link #list} would page through; never empty */
    Mono<Long> count(TenantId tenantId, MailStatus status);

    /**
     * Deletes the mails sent before {@code before}.
     *
     * @return how many were deleted
     */
    Mono<Long> purgeSent(Instant before);
}
