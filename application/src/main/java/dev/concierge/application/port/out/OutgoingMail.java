package dev.concierge.application.port.out;

import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A mail on its way: to one recipient, with a {@code Message-ID} fixed when it was queued, so that the rare second
 * delivery after a crash is recognisable as the same mail.
 *
 * @param tenantId  the tenant the mail is about, or {@code null} for a mail of the platform itself
 * @param messageId the {@code Message-ID} header, {@code <local@domain>}, at most {@value #MAX_MESSAGE_ID_LENGTH}
 *                  characters
 */
public record OutgoingMail(UUID id, String messageId, TenantId tenantId, EmailAddress to, MailContent content,
        Instant createdAt) {

    public static final int MAX_MESSAGE_ID_LENGTH = 250;

    private static final Pattern MESSAGE_ID = Pattern.compile("<[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9.-]+>");

    public OutgoingMail {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(createdAt, "createdAt");
        if (messageId.length() > MAX_MESSAGE_ID_LENGTH || !MESSAGE_ID.matcher(messageId).matches()) {
            throw new IllegalArgumentException("a Message-ID looks like <local@domain>, was " + messageId);
        }
    }
}
