package dev.concierge.adapter.mail.delivery;

import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.OutgoingMail;
import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.ParameterList;
import jakarta.mail.util.ByteArrayDataSource;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.regex.Pattern;

/**
 * Turns an {@link OutgoingMail} into the MIME message that both senders deliver, so that a mail written to the
 * outbox folder is byte for byte what an SMTP server would have received (bar the transfer).
 *
 * <p>The message is {@code multipart/alternative}, plain text first and HTML last (the part a client prefers), both
 * UTF-8. Its {@code Message-ID} is the mail's own and its {@code Date} the time the mail was queued, so that a second
 * delivery after a crash is the same message, recognisably.
 *
 * <p>A mail with a calendar invitation carries it twice, the way calendar servers send them, because clients look in
 * different places: as a third alternative, {@code text/calendar; method=REQUEST} (or {@code CANCEL}), which
 * Outlook, Gmail and Apple Mail turn into an invitation with its buttons, and as an attachment {@code invite.ics} for
 * those that only offer attachments to open. So the message is {@code multipart/mixed}: the alternatives, then the
 * attachment.
 */
final class MimeMails {

    private static final String UTF_8 = StandardCharsets.UTF_8.name();
    static final String INVITE_FILE_NAME = "invite.ics";
    /** An iTIP method is an iana-token (RFC 5545, 3.7.2); anything else is left out of the header. */
    private static final Pattern METHOD = Pattern.compile("[A-Za-z0-9-]{1,40}");

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
        if (content.calendar() == null) {
            message.setContent(alternatives);
        } else {
            byte[] calendar = content.calendar().getBytes(StandardCharsets.UTF_8);
            ParameterList parameters = new ParameterList();
            parameters.set("charset", UTF_8);
            content.calendarMethod().filter(method -> METHOD.matcher(method).matches())
                    .ifPresent(method -> parameters.set("method", method));
            alternatives.addBodyPart(part(calendar, new ContentType("text", "calendar", parameters)));
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternatives);
            MimeBodyPart attachment = part(calendar, new ContentType("application", "ics", null));
            attachment.setFileName(INVITE_FILE_NAME);
            attachment.setDisposition(Part.ATTACHMENT);
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(attachment);
            message.setContent(mixed);
        }
        message.saveChanges();
        return message;
    }

    /** A part holding bytes as they are: the mail library has no handler that would turn text/calendar into them. */
    private static MimeBodyPart part(byte[] content, ContentType type) throws MessagingException {
        MimeBodyPart part = new MimeBodyPart();
        part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type.toString())));
        return part;
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
