package dev.concierge.application.port.in;

import dev.concierge.application.port.out.MailStatus;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * The platform admin watches the outbox: which mails are waiting, which were given up, and sends a given-up one
 * again once its cause is fixed (the mail server's address, say).
 */
public interface MailAdministrationUseCase {

    int MAX_PAGE_SIZE = 100;

    /**
     * @param status only mails in this status, or {@code null} for all
     * @return errors with {@link dev.concierge.domain.shared.ValidationException} naming {@code page} or {@code size}
     *         when out of range
     */
    Mono<MailPage> list(MailStatus status, int page, int size);

    /**
     * Queues a failed mail again.
     *
     * @return empty; errors with {@link MailNotFoundException} when no mail has this id, and with
     *         {@link MailNotFailedException} when it is not failed (pending or sent)
     */
    Mono<Void> retry(UUID id, ClientAddress from);
}
