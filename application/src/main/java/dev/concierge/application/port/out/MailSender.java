package dev.concierge.application.port.out;

import reactor.core.publisher.Mono;

/**
 * Hands a mail to whatever delivers it (an SMTP server, or a folder when none is configured), with the mail's
 * {@link OutgoingMail#messageId()} as its {@code Message-ID}. Blocking work runs off the subscriber's thread, so that
 * subscribing on an event loop never blocks it, and every network wait is bounded by a timeout.
 */
public interface MailSender {

    /**
     * @return completes once the mail was accepted; errors with {@link MailDeliveryException} when it was not
     */
    Mono<Void> send(OutgoingMail mail);
}
