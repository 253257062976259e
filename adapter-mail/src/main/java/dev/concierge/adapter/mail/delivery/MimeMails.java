package dev.concierge.adapter.mail.delivery;

import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.OutgoingMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Date;

/**
 * Turns an {@link OutgoingMail} into the MIME message that both senders deliver, so that a mail written to the
 * outbox folder is byte for byte what an SMTP server would have received (bar the transfer).
 *
 * <p>The message is {@code multipart/alternative}, plain text first and HTML last (the part a client prefers), both
 * UTF-8. Its {@code Message-ID} is the mail's own and its {@code Date} the time the mail was queued, so that a second
 * delivery after a crash is the same message, recognisably.
 */
final class MimeMails {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();

    private final InternetAddress from;

    MimeMails(MailFrom from) {
        this.from = from.internetAddress();
    }

    MimeMessage create(Session session, OutgoingMail mail) throws MessagingException {
        MailContent content = mail.content();
        MimeMessage message = new FixedIdMimeMessage(session, mail.messageId());
        message.setFrom(from);
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to().value(), true));
        message.setSubject(content.subject(), UTF_8);
        message.setSentDate(Date.from(mail.createdAt()));
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(part(content.text(), "plain"));
        alternatives.addBodyPart(part(content.html(), "html"));
        message.setContent(alternatives);
        message.saveChanges();
        return message;
    }

    private static MimeBodyPart part(String text, String subtype) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setText(text, UTF_8, subtype);
        return part;
    }

    /**
     * A message that keeps the {@code Message-ID} it was given: {@link MimeMessage#saveChanges()}, which sending and
     * writing call, would otherwise replace it with a fresh one.
     */
    private static final class FixedIdMimeMessage extends MimeMessage {

        private final String messageId;

        FixedIdMimeMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
