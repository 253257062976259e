package dev.concierge.adapter.mail.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.mail.calendar.CalendarInvites;
import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.Notice;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.tenant.EmailAddress;
import jakarta.mail.BodyPart;
import jakarta.mail.Part;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;

/** Mails for the sender tests, with an umlaut in the subject and a secret link in the body. */
final class TestMails {

    static final String SUBJECT = "Passwort zurücksetzen für Bäckerei Müller – äöüß";
    static final String SECRET_LINK = "https://concierge.example/reset/tok_9fK2xQ7vLmN4pR8s";
    static final String TEXT = "Grüß Gott!\n\nNeues Passwort: " + SECRET_LINK + "\n";
    static final String HTML = "<!DOCTYPE html><html><body><p>Grüß Gott!</p><a href=\"" + SECRET_LINK
            + "\">Neues Passwort</a></body></html>";
    static final MailFrom FROM = new MailFrom(EmailAddress.of("noreply@concierge.example"), "Concierge Müller");
    static final String INVITATION_UID = "b-42@concierge.example";

    private static final CalendarInvites INVITES = new CalendarInvites(Clock.systemUTC());

    private TestMails() {
    }

    static OutgoingMail to(String recipient) {
        return mail(recipient, new MailContent(SUBJECT, TEXT, HTML));
    }

    /** A mail with a calendar invitation of the given method ({@code REQUEST} or {@code CANCEL}), names with umlauts. */
    static OutgoingMail withInvitation(String recipient, String method) {
        ZonedDateTime start = ZonedDateTime.of(2026, 7, 15, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));
        String calendar = INVITES.invite(new Notice.CalendarEvent(INVITATION_UID, 4, method, start,
                start.plusMinutes(30), "Termin bei Bäckerei Müller", EmailAddress.of("owner@example.com"),
                "Bäckerei Müller", EmailAddress.of(recipient), "Jürgen Groß",
                method.equals("CANCEL") ? BookingStatus.CANCELLED : BookingStatus.CONFIRMED));
        return mail(recipient, new MailContent(SUBJECT, TEXT, HTML, calendar));
    }

    private static OutgoingMail mail(String recipient, MailContent content) {
        UUID id = UUID.randomUUID();
        return new OutgoingMail(id, "<" + id + "@concierge.example>", null, EmailAddress.of(recipient), content,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60));
    }

    /**
     * Asserts the shape clients need to show an invitation: multipart/mixed of the alternatives (text, HTML, the
     * calendar with its method) and the calendar again as the attachment invite.ics; both calendars read back as the
     * one sent.
     */
    static void assertCarriesInvitation(MimeMessage received, OutgoingMail sent, String method) throws Exception {
        MimeMultipart mixed = (MimeMultipart) received.getContent();
        assertThat(new ContentType(mixed.getContentType()).getBaseType()).isEqualTo("multipart/mixed");
        assertThat(mixed.getCount()).isEqualTo(2);

        MimeMultipart alternatives = (MimeMultipart) mixed.getBodyPart(0).getContent();
        assertThat(new ContentType(alternatives.getContentType()).getBaseType()).isEqualTo("multipart/alternative");
        assertThat(alternatives.getCount()).isEqualTo(3);
        assertThat(alternatives.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(alternatives.getBodyPart(1).isMimeType("text/html")).isTrue();
        BodyPart calendar = alternatives.getBodyPart(2);
        ContentType calendarType = new ContentType(calendar.getContentType());
        assertThat(calendarType.getBaseType()).isEqualTo("text/calendar");
        assertThat(calendarType.getParameter("method")).isEqualTo(method);
        assertThat(calendarType.getParameter("charset")).isEqualToIgnoringCase("UTF-8");
        assertSameCalendar(calendar, sent, method);

        BodyPart attachment = mixed.getBodyPart(1);
        assertThat(attachment.isMimeType("application/ics")).as(attachment.getContentType()).isTrue();
        assertThat(attachment.getDisposition()).isEqualToIgnoringCase(Part.ATTACHMENT);
        assertThat(attachment.getFileName()).isEqualTo(MimeMails.INVITE_FILE_NAME);
        assertSameCalendar(attachment, sent, method);
    }

    private static void assertSameCalendar(BodyPart part, OutgoingMail sent, String method) throws Exception {
        String text;
        try (InputStream in = part.getInputStream()) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(text.replace("\r\n", "\n")).isEqualTo(sent.content().calendar().replace("\r\n", "\n"));
        Calendar calendar = new CalendarBuilder().build(new StringReader(text));
        assertThat(calendar.<Property>getRequiredProperty(Property.METHOD).getValue()).isEqualTo(method);
        VEvent event = calendar.<VEvent>getComponents(Component.VEVENT).get(0);
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(INVITATION_UID);
        assertThat(event.<Property>getRequiredProperty(Property.SEQUENCE).getValue()).isEqualTo("4");
        assertThat(event.<Property>getRequiredProperty(Property.ATTENDEE).getParameter("CN").orElseThrow()
                .getValue()).isEqualTo("Jürgen Groß");
    }
}
