package dev.concierge.domain.chat;

import dev.concierge.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;

/**
 * A conversation of one visitor with one tenant's assistant. Its messages are stored apart from it, in order.
 *
 * @param messageCount how many messages it holds
 */
public record Conversation(ConversationId id, TenantId tenantId, VisitorId visitorId, Instant createdAt,
        Instant lastMessageAt, int messageCount) {

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(visitorId, "visitorId");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lastMessageAt, "lastMessageAt");
    }

    /** A conversation that starts now, without messages yet. */
    public static Conversation start(ConversationId id, TenantId tenantId, VisitorId visitorId, Instant now) {
        return new Conversation(id, tenantId, visitorId, now, now, 0);
    }
}
