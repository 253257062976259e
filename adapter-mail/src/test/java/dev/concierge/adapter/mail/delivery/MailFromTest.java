package dev.concierge.adapter.mail.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.domain.tenant.EmailAddress;
import org.junit.jupiter.api.Test;

class MailFromTest {

    @Test
    void readsAPlainAddress() {
        assertThat(MailFrom.parse(" NoReply@Example.com "))
                .isEqualTo(new MailFrom(EmailAddress.of("noreply@example.com"), null));
    }

    @Test
    void readsANameWithItsAddressQuotedOrNot() {
        MailFrom expected = new MailFrom(EmailAddress.of("noreply@example.com"), "Concierge Müller");

        assertThat(MailFrom.parse("Concierge Müller <noreply@example.com>")).isEqualTo(expected);
        assertThat(MailFrom.parse("\"Concierge Müller\" <noreply@example.com>")).isEqualTo(expected);
        assertThat(expected).hasToString("Concierge Müller <noreply@example.com>");
    }

    @Test
    void refusesWhatIsNotAnAddress() {
        assertThatThrownBy(() -> MailFrom.parse("Concierge")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MailFrom.parse("Concierge <>")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesANameThatCouldBreakTheHeader() {
        EmailAddress address = EmailAddress.of("noreply@example.com");

        assertThatThrownBy(() -> new MailFrom(address, "Concierge\r\nBcc: victim@example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MailFrom(address, "x".repeat(MailFrom.MAX_NAME_LENGTH + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
