package dev.concierge.adapter.mail.delivery;

import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.domain.tenant.EmailAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** Mails for the sender tests, with an umlaut in the subject and a secret link in the body. */
final class TestMails {

    static final String SUBJECT = "Passwort zurücksetzen für Bäckerei Müller – äöüß";
    static final String SECRET_LINK = "https://concierge.example/reset/tok_9fK2xQ7vLmN4pR8s";
    static final String TEXT = "Grüß Gott!\n\nNeues Passwort: " + SECRET_LINK + "\n";
    static final String HTML = "<!DOCTYPE html><html><body><p>Grüß Gott!</p><a href=\"" + SECRET_LINK
            + "\">Neues Passwort</a></body></html>";
    static final MailFrom FROM = new MailFrom(EmailAddress.of("noreply@concierge.example"), "Concierge Müller");

    private TestMails() {
    }

    static OutgoingMail to(String recipient) {
        UUID id = UUID.randomUUID();
        return new OutgoingMail(id, "<" + id + "@concierge.example>", null, EmailAddress.of(recipient),
                new MailContent(SUBJECT, TEXT, HTML), Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60));
    }
}
