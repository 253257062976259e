package dev.concierge.application.port.out;

import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A queued mail as an operator sees it: whom it is for, what it is about, and how its delivery went. Carries no body,
 * which may hold a link that is still valid.
 *
 * @param tenantId      the tenant it is about, or {@code null} for a mail of the platform itself
 * @param attempts      how many attempts were started
 * @param nextAttemptAt when a pending mail is tried next
 * @param sentAt        when it was sent, or {@code null}
 * @param lastError     why the latest attempt failed, or {@code null}
 */
public record OutboxEntry(UUID id, String messageId, TenantId tenantId, EmailAddress to, String subject,
        MailStatus status, int attempts, Instant createdAt, Instant nextAttemptAt, Instant sentAt, String lastError) {

    public OutboxEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(nextAttemptAt, "nextAttemptAt");
    }
}
