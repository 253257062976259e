package dev.concierge.adapter.mail;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.concierge.adapter.mail.delivery.FileMailSender;
import dev.concierge.adapter.mail.delivery.MailFrom;
import dev.concierge.adapter.mail.delivery.SmtpMailSender;
import dev.concierge.adapter.mail.delivery.SmtpSettings;
import dev.concierge.adapter.mail.template.LocalizedMailTemplates;
import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.MailSender;
import dev.concierge.application.port.out.MailTemplates;
import dev.concierge.application.port.out.Notice;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.Language;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

class MailConfigurationTest {

    @TempDir
    Path temp;

    @Test
    void withoutSettingsMailIsComposedAndWrittenToTheDefaultOutbox() {
        List<ILoggingEvent> logged = startupLog(context -> {
            assertThat(context.getBean(MailTemplates.class)).isInstanceOf(LocalizedMailTemplates.class);
            assertThat(context.getBean(MailSender.class)).isInstanceOf(FileMailSender.class);
        }, null);

        assertThat(logged).singleElement().satisfies(event -> assertThat(event.getFormattedMessage())
                .contains(Path.of(MailSettings.DEFAULT_OUTBOX).toAbsolutePath().normalize().toString()));
    }

    @Test
    void theOutboxOfTheSettingsBeanReceivesComposedMails() throws Exception {
        MailSettings settings = new MailSettings(null, temp, MailFrom.parse("Concierge <noreply@example.com>"));

        startupLog(context -> {
            MailContent content = context.getBean(MailTemplates.class).compose(new Notice.PasswordReset(
                    EmailAddress.of("owner@example.com"), Language.DE, URI.create("https://concierge.example/r/t"),
                    Duration.ofHours(1)));
            UUID id = UUID.randomUUID();
            context.getBean(MailSender.class).send(new OutgoingMail(id, "<" + id + "@concierge.example>", null,
                    EmailAddress.of("owner@example.com"), content, Instant.now())).block(Duration.ofSeconds(10));

            assertThat(temp.resolve(id + ".eml")).exists();
        }, settings);
    }

    @Test
    void aSettingsBeanNamingAServerSelectsSmtpAndTheLogNamesItWithoutThePassword() {
        MailSettings settings = new MailSettings(
                SmtpSettings.forServer("smtp.example.com", 465, "mailer", "hunter2-secret"), temp,
                MailFrom.parse("noreply@example.com"));

        List<ILoggingEvent> logged = startupLog(
                context -> assertThat(context.getBean(MailSender.class)).isInstanceOf(SmtpMailSender.class), settings);

        assertThat(logged).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.INFO);
            assertThat(event.getFormattedMessage()).contains("smtp.example.com:465", "SSL", "noreply@example.com")
                    .doesNotContain("hunter2");
        });
        assertThat(Files.exists(temp.resolve("outbox"))).isFalse();
    }

    /** Starts the configuration (with the settings bean, if given), hands it to {@code use}, returns what it logged. */
    private static List<ILoggingEvent> startupLog(Consumer<AnnotationConfigApplicationContext> use,
            MailSettings settings) {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(MailConfiguration.class);
        log.start();
        logger.addAppender(log);
        // Captured here rather than printed: the build's output shows only what went wrong.
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        try (AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext()) {
            if (settings != null) {
                context.registerBean(MailSettings.class, () -> settings);
            }
            context.register(MailConfiguration.class);
            context.refresh();
            use.accept(context);
            return log.list;
        } finally {
            logger.detachAppender(log);
            logger.setLevel(null);
            logger.setAdditive(true);
        }
    }
}
