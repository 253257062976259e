package dev.concierge.adapter.mail.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.adapter.mail.delivery.SmtpSettings.Security;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SmtpSettingsTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void port465MeansTlsFromTheStartAndAnyOtherPortStarttls() {
        assertThat(SmtpSettings.forServer("smtp.example.com", 465, null, null).security()).isEqualTo(Security.SSL);
        assertThat(SmtpSettings.forServer("smtp.example.com", 587, null, null).security()).isEqualTo(Security.STARTTLS);
        assertThat(SmtpSettings.forServer("smtp.example.com", 25, null, null).security()).isEqualTo(Security.STARTTLS);
    }

    @Test
    void aServerGetsTheDefaultTimeoutsAndBlankCredentialsMeanNoLogin() {
        SmtpSettings settings = SmtpSettings.forServer("smtp.example.com", 587, " ", "");

        assertThat(settings.authenticates()).isFalse();
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.writeTimeout()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void neverShowsThePassword() {
        SmtpSettings settings = SmtpSettings.forServer("smtp.example.com", 587, "mailer", "hunter2-secret");

        assertThat(settings.toString()).isEqualTo("smtp.example.com:587 (STARTTLS, user mailer)")
                .doesNotContain("hunter2");
    }

    @Test
    void refusesTimeoutsLongerThanTenSecondsOrNone() {
        assertThatThrownBy(() -> new SmtpSettings("smtp.example.com", 587, Security.STARTTLS, null, null,
                Duration.ofSeconds(11), SECOND, SECOND)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpSettings("smtp.example.com", 587, Security.STARTTLS, null, null,
                SECOND, Duration.ZERO, SECOND)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAUsernameWithoutPasswordABadPortAndABadHost() {
        assertThatThrownBy(() -> SmtpSettings.forServer("smtp.example.com", 587, "mailer", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpSettings.forServer("smtp.example.com", 0, null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SmtpSettings.forServer("smtp.example.com\r\nRCPT", 587, null, null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
