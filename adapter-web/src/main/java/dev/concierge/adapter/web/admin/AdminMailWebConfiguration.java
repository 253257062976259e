package dev.concierge.adapter.web.admin;

import dev.concierge.adapter.web.session.SessionWebConfiguration;
import dev.concierge.application.port.in.MailAdministrationUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The admin's outbox view. Needs {@link MailAdministrationUseCase} and, through {@link SessionWebConfiguration}, an
 * {@code AuthenticateUseCase} bean.
 */
@Configuration(proxyBeanMethods = false)
@Import(SessionWebConfiguration.class)
public class AdminMailWebConfiguration {

    @Bean
    AdminMailController adminMailController(MailAdministrationUseCase mail) {
        return new AdminMailController(mail);
    }
}
