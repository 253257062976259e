package dev.concierge.adapter.persistence.mail;

import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.MailStatus;
import dev.concierge.application.port.out.OutboxEntry;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.TenantId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the {@code mail_outbox} table, mapped by Spring Data. Instants are held as {@link OffsetDateTime} in UTC,
 * as in the tenant rows.
 *
 * @param tenantId the tenant the mail is about, or {@code null} for a mail of the platform
 * @param textBody {@code null} once the mail was sent, and when only the entry's columns were read
 * @param htmlBody likewise
 * @param calendarBody the calendar invitation (iCalendar text), {@code null} for a mail without one and where
 *                     {@code textBody} is
 */
@Table("mail_outbox")
record OutboxRow(
        @Id UUID id,
        String messageId,
        UUID tenantId,
        String recipient,
        String subject,
        String textBody,
        String htmlBody,
        String calendarBody,
        String status,
        int attempts,
        OffsetDateTime createdAt,
        OffsetDateTime nextAttemptAt,
        OffsetDateTime sentAt,
        String lastError) {

    /** The columns of {@link OutboxEntry}: every one but the bodies and the calendar. */
    static final String[] ENTRY_COLUMNS = {"id", "message_id", "tenant_id", "recipient", "subject", "status",
            "attempts", "created_at", "next_attempt_at", "sent_at", "last_error"};

    /** The row of a mail just queued: pending, no attempt yet, due at its creation. */
    static OutboxRow queued(OutgoingMail mail) {
        return new OutboxRow(mail.id(), mail.messageId(), mail.tenantId() == null ? null : mail.tenantId().value(),
                mail.to().value(), mail.content().subject(), mail.content().text(), mail.content().html(),
                mail.content().calendar(), MailStatus.PENDING.name(), 0, utc(mail.createdAt()), utc(mail.createdAt()), null, null);
    }

    /**
     * The mail as it was queued. A row that no longer passes the domain's checks is a technical fault
     * ({@link IllegalStateException}), as is one without its body.
     */
    OutgoingMail toMail() {
        try {
            return new OutgoingMail(id, messageId, tenant(), new EmailAddress(recipient),
                    new MailContent(subject, textBody, htmlBody, calendarBody), createdAt.toInstant());
        } catch (RuntimeException e) {
            throw new IllegalStateException("queued mail " + id + " is not valid: " + e.getMessage(), e);
        }
    }

    OutboxEntry toEntry() {
        try {
            return new OutboxEntry(id, messageId, tenant(), new EmailAddress(recipient), subject,
                    MailStatus.valueOf(status), attempts, createdAt.toInstant(), nextAttemptAt.toInstant(),
                    sentAt == null ? null : sentAt.toInstant(), lastError);
        } catch (RuntimeException e) {
            throw new IllegalStateException("queued mail " + id + " is not valid: " + e.getMessage(), e);
        }
    }

    private TenantId tenant() {
        return tenantId == null ? null : new TenantId(tenantId);
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
