package dev.concierge.adapter.web.admin;

import dev.concierge.application.port.in.MailPage;
import dev.concierge.application.port.out.OutboxEntry;
import java.time.Instant;
import java.util.List;

/**
 * One page of the admin's outbox listing.
 *
 * @param total how many mails match in all pages
 */
public record MailPageResponse(List<Item> items, int page, int size, long total) {

    /** A queued mail without its body. */
    public record Item(String id, String messageId, String tenantId, String to, String subject, String status,
            int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError) {

        static Item fromDomain(OutboxEntry entry) {
            return new Item(entry.id().toString(), entry.messageId(),
                    entry.tenantId() == null ? null : entry.tenantId().toString(), entry.to().value(),
                    entry.subject(), entry.status().name(), entry.attempts(), entry.createdAt(),
                    entry.nextAttemptAt(), entry.sentAt(), entry.lastError());
        }
    }

    static MailPageResponse fromDomain(MailPage page) {
        return new MailPageResponse(page.mails().stream().map(Item::fromDomain).toList(), page.page(), page.size(),
                page.total());
    }
}
