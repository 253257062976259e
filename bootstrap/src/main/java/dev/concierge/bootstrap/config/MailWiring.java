package dev.concierge.bootstrap.config;

import dev.concierge.adapter.mail.MailConfiguration;
import dev.concierge.adapter.mail.MailSettings;
import dev.concierge.adapter.mail.delivery.SmtpSettings;
import dev.concierge.application.port.out.MailOutbox;
import dev.concierge.application.port.out.MailSender;
import dev.concierge.application.port.out.MailTemplates;
import dev.concierge.application.port.out.SecurityEvents;
import dev.concierge.application.service.ConsoleLinks;
import dev.concierge.application.service.MailAdministrationService;
import dev.concierge.application.service.MailRelay;
import dev.concierge.application.service.MailRelayPolicy;
import dev.concierge.application.service.Mailer;
import dev.concierge.bootstrap.mail.MailRelayScheduler;
import dev.concierge.bootstrap.mail.PublicUrl;
import dev.concierge.bootstrap.startup.ConfigurationProblemException;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Mail: the links mails carry, the sender chosen from the {@code EMAIL_*} settings (SMTP, or {@code .eml} files in
 * the data directory when no server is set), the outbox that changes queue their mails in, and its poller.
 */
@Configuration(proxyBeanMethods = false)
@Import(MailConfiguration.class)
public class MailWiring {

    @Bean
    ConsoleLinks consoleLinks(ConciergeProperties properties, Environment environment) {
        return new ConsoleLinks(PublicUrl.resolve(properties.publicUrl(), properties.embedded(), environment));
    }

    @Bean
    MailSettings mailSettings(ConciergeProperties properties, ConsoleLinks links) {
        ConciergeProperties.Mail mail = properties.mail();
        String from = blank(mail.from()) && (blank(mail.username()) || !mail.username().contains("@"))
                ? "Concierge <no-reply@" + senderDomain(links.mailDomain()) + ">" : mail.from();
        try {
            MailSettings settings = MailSettings.fromEmailSettings(mail.host(), mail.port(), mail.username(),
                    mail.password(), from, properties.dataDir().resolve("outbox"));
            if (mail.plainSmtp() && settings.smtp() != null) {
                return new MailSettings(SmtpSettings.forServer(mail.host().strip(), mail.port(),
                        SmtpSettings.Security.NONE, mail.username(), mail.password()), settings.outbox(),
                        settings.from());
            }
            return settings;
        } catch (IllegalArgumentException invalid) {
            throw new ConfigurationProblemException("The mail settings are not usable: " + invalid.getMessage() + ".",
                    "Check EMAIL_HOST, EMAIL_PORT, EMAIL_USER and EMAIL_FROM.");
        }
    }

    @Bean
    Mailer mailer(MailOutbox outbox, MailTemplates templates, ConsoleLinks links, Clock clock) {
        return new Mailer(outbox, templates, links, clock);
    }

    @Bean
    MailRelay mailRelay(MailOutbox outbox, MailSender sender, ConciergeProperties properties, Clock clock) {
        MailRelayPolicy defaults = MailRelayPolicy.defaults();
        MailRelayPolicy policy = new MailRelayPolicy(defaults.batchSize(), defaults.parallelSends(), defaults.lease(),
                properties.mail().maxAttempts(), defaults.firstRetry(), defaults.maxRetry(), defaults.keepSent());
        return new MailRelay(outbox, sender, policy, clock);
    }

    @Bean
    MailRelayScheduler mailRelayScheduler(MailRelay relay, ConciergeProperties properties) {
        return new MailRelayScheduler(relay, properties.mail().pollInterval());
    }

    @Bean
    MailAdministrationService mailAdministrationUseCase(MailOutbox outbox, SecurityEvents events, Clock clock) {
        return new MailAdministrationService(outbox, events, clock);
    }

    /** The public host, or a reserved name that can never be delivered to when the host is a local one. */
    private static String senderDomain(String host) {
        return host.contains(".") && !host.endsWith(".localhost") ? host : "localhost.invalid";
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
