package dev.concierge.application.service;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.in.MailAdministrationUseCase;
import dev.concierge.application.port.in.MailNotFailedException;
import dev.concierge.application.port.in.MailNotFoundException;
import dev.concierge.application.port.in.MailPage;
import dev.concierge.application.port.out.MailOutbox;
import dev.concierge.application.port.out.MailStatus;
import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.port.out.SecurityEvents;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/** The platform admin's view of the outbox, and sending a given-up mail again. */
public final class MailAdministrationService implements MailAdministrationUseCase {

    private final MailOutbox outbox;
    private final SecurityEvents events;
    private final Clock clock;

    public MailAdministrationService(MailOutbox outbox, SecurityEvents events, Clock clock) {
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Mono<MailPage> list(MailStatus status, int page, int size) {
        return Mono.defer(() -> {
            Paging.check(page, size, MAX_PAGE_SIZE);
            return Mono.zip(outbox.list(null, status, (long) page * size, size).collectList(),
                            outbox.count(null, status))
                    .map(found -> new MailPage(found.getT1(), page, size, found.getT2()));
        });
    }

    @Override
    public Mono<Void> retry(UUID id, ClientAddress from) {
        return outbox.retry(id, clock.instant())
                .flatMap(retried -> retried ? Mono.empty()
                        : outbox.findById(id)
                                .switchIfEmpty(Mono.error(() -> new MailNotFoundException(id)))
                                .flatMap(entry -> Mono.error(new MailNotFailedException(entry.status()))))
                .then(Mono.fromRunnable(() -> events.record(new SecurityEvent(SecurityEvent.Type.MAIL_RETRIED,
                        clock.instant(), null, from.value(), "mail " + id))));
    }
}
