package dev.concierge.adapter.persistence.chat;

import dev.concierge.domain.chat.Conversation;
import dev.concierge.domain.chat.ConversationId;
import dev.concierge.domain.chat.VisitorId;
import dev.concierge.domain.tenant.TenantId;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the {@code conversation} table, mapped by Spring Data. Instants are held as {@link OffsetDateTime} in UTC,
 * to the microsecond.
 */
@Table("conversation")
record ConversationRow(@Id UUID id, UUID tenantId, String visitorId, OffsetDateTime createdAt,
        OffsetDateTime lastMessageAt, int messageCount) {

    static ConversationRow fromDomain(Conversation conversation) {
        return new ConversationRow(conversation.id().value(), conversation.tenantId().value(),
                conversation.visitorId().value(), utc(conversation.createdAt()), utc(conversation.lastMessageAt()),
                conversation.messageCount());
    }

    /** The conversation as stored; a row that no longer passes the domain's checks is a technical fault. */
    Conversation toDomain() {
        try {
            return new Conversation(new ConversationId(id), new TenantId(tenantId), new VisitorId(visitorId),
                    createdAt.toInstant(), lastMessageAt.toInstant(), messageCount);
        } catch (RuntimeException e) {
            throw new IllegalStateException("conversation " + id + " is not valid: " + e.getMessage(), e);
        }
    }

    /** The instant in UTC, to the microsecond both databases keep (cut, where they would round). */
    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
