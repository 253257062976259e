package dev.concierge.application.service;

import dev.concierge.application.port.out.MailOutbox;
import dev.concierge.application.port.out.MailTemplates;
import dev.concierge.application.port.out.Notice;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.domain.tenant.TenantId;
import java.time.Clock;
import java.util.UUID;
import reactor.core.publisher.Mono;

/**
 * Queues notices as mails in the outbox. Called inside the transaction of the change that causes the mail, so that
 * the mail is sent if and only if the change is kept; the actual sending happens later, in {@link MailRelay}, and
 * never holds up the request.
 */
public final class Mailer {

    private final MailOutbox outbox;
    private final MailTemplates templates;
    private final ConsoleLinks links;
    private final Clock clock;

    public Mailer(MailOutbox outbox, MailTemplates templates, ConsoleLinks links, Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.links = links;
        this.clock = clock;
    }

    /**
     * Words the notice and queues it, with a Message-ID of its own that stays the same on every attempt.
     *
     * @param tenantId the tenant the mail is about, or {@code null} for a mail of the platform itself
     */
    public Mono<Void> queue(TenantId tenantId, Notice notice) {
        return Mono.defer(() -> {
            UUID id = UUID.randomUUID();
            String messageId = "<" + id + "@" + links.mailDomain() + ">";
            return outbox.enqueue(new OutgoingMail(id, messageId, tenantId, notice.to(), templates.compose(notice),
                    clock.instant()));
        });
    }
}
