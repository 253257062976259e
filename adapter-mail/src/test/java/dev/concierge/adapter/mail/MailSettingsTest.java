package dev.concierge.adapter.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.adapter.mail.delivery.MailFrom;
import dev.concierge.adapter.mail.delivery.SmtpSettings.Security;
import dev.concierge.adapter.mail.delivery.SmtpSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MailSettingsTest {

    private static final Path OUTBOX = Path.of("data", "outbox");

    @Test
    void defaultsWriteToTheOutboxFolder() {
        MailSettings defaults = MailSettings.defaults();

        assertThat(defaults.smtp()).isNull();
        assertThat(defaults.outbox()).isEqualTo(Path.of("./data/outbox"));
        assertThat(defaults.from()).isEqualTo(MailFrom.placeholder());
    }

    @Test
    void withoutAHostMailGoesToTheOutbox() {
        MailSettings settings = MailSettings.fromEmailSettings(" ", 465, "mailer", "secret", null, OUTBOX);

        assertThat(settings.smtp()).isNull();
        assertThat(settings.outbox()).isEqualTo(OUTBOX);
        assertThat(settings.from()).isEqualTo(MailFrom.placeholder());
    }

    @Test
    void aHostMeansSmtpOnPort587WithStarttlsUnlessTheVariablesSayOtherwise() {
        MailSettings settings = MailSettings.fromEmailSettings("smtp.example.com", null, "mailer", "secret",
                "Concierge <noreply@example.com>", OUTBOX);

        assertThat(settings.smtp()).isEqualTo(
                SmtpSettings.forServer("smtp.example.com", 587, Security.STARTTLS, "mailer", "secret"));
        assertThat(settings.from()).isEqualTo(MailFrom.parse("Concierge <noreply@example.com>"));
        assertThat(MailSettings.fromEmailSettings("smtp.example.com", 465, null, null, "noreply@example.com", OUTBOX)
                .smtp().security()).isEqualTo(Security.SSL);
    }

    @Test
    void withoutAFromAddressTheUsernameSendsWhenItIsAnAddress() {
        MailSettings settings = MailSettings.fromEmailSettings("smtp.example.com", 587, "mailer@example.com",
                "secret", "", OUTBOX);

        assertThat(settings.from()).isEqualTo(MailFrom.parse("mailer@example.com"));
        assertThatThrownBy(() -> MailSettings.fromEmailSettings("smtp.example.com", 587, "mailer", "secret", null,
                OUTBOX)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EMAIL_FROM");
    }
}
