package dev.concierge.bootstrap.mail;

import dev.concierge.application.service.MailRelay;
import dev.concierge.bootstrap.startup.BackgroundTask;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Works off the outbox on this instance: every poll interval it lets the {@link MailRelay} send what is due, and
 * logs what became of each mail (never its body). A poll that is still running when the next is due is skipped, so
 * polls never pile up; a poll that fails (the database is away) is logged and the next one tries again.
 */
public final class MailRelayScheduler extends BackgroundTask {

    private static final Logger log = LoggerFactory.getLogger(MailRelayScheduler.class);

    private final MailRelay relay;
    private final Duration interval;

    public MailRelayScheduler(MailRelay relay, Duration interval) {
        this.relay = relay;
        this.interval = interval;
    }

    @Override
    protected Disposable begin() {
        return Flux.interval(interval, interval)
                .onBackpressureDrop()
                .concatMap(tick -> relay.relayDue()
                        .doOnNext(MailRelayScheduler::report)
                        .onErrorResume(error -> {
                            log.warn("The mail outbox could not be worked off this time: {}", error.toString());
                            return Mono.empty();
                        })
                        .then(), 1)
                .subscribe();
    }

    private static void report(MailRelay.Delivery delivery) {
        var mail = delivery.mail();
        switch (delivery.outcome()) {
            case SENT -> log.info("Mail {} to {} sent (attempt {})", mail.messageId(), mail.to().value(),
                    delivery.attempt());
            case RETRY_LATER -> log.warn("Mail {} to {} not sent (attempt {}), trying again at {}: {}",
                    mail.messageId(), mail.to().value(), delivery.attempt(), delivery.nextAttempt(), delivery.error());
            case FAILED -> log.error("Mail {} to {} given up after attempt {}: {}. An admin can send it again from"
                    + " /api/v1/admin/mail once the cause is fixed.", mail.messageId(), mail.to().value(),
                    delivery.attempt(), delivery.error());
        }
    }
}
