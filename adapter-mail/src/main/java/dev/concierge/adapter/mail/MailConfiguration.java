package dev.concierge.adapter.mail;

import dev.concierge.adapter.mail.delivery.FileMailSender;
import dev.concierge.adapter.mail.delivery.SmtpMailSender;
import dev.concierge.adapter.mail.template.LocalizedMailTemplates;
import dev.concierge.application.port.out.MailSender;
import dev.concierge.application.port.out.MailTemplates;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link MailTemplates} and {@link MailSender} ports. The sender follows the {@link MailSettings} bean if there
 * is one ({@link MailSettings#defaults()} otherwise): SMTP when it names a server, the outbox folder when it does not.
 * Which one is in use is logged once at start, so an operator can tell why no mail arrives.
 */
@Configuration(proxyBeanMethods = false)
public class MailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(MailConfiguration.class);

    /** With the host's {@link Clock} bean if it has one (it stamps calendar invitations), else the system clock. */
    @Bean
    MailTemplates mailTemplates(ObjectProvider<Clock> clock) {
        return new LocalizedMailTemplates(clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    MailSender mailSender(ObjectProvider<MailSettings> settingsBean) {
        MailSettings settings = settingsBean.getIfAvailable(MailSettings::defaults);
        if (settings.smtp() != null) {
            log.info("Mail is sent through the SMTP server {} as {}", settings.smtp(), settings.from());
            return new SmtpMailSender(settings.smtp(), settings.from());
        }
        log.info("No SMTP server is configured (EMAIL_HOST): mail is written as .eml files to {}",
                settings.outbox().toAbsolutePath().normalize());
        return new FileMailSender(settings.outbox(), settings.from());
    }
}
