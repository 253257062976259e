package dev.concierge.adapter.web;

import dev.concierge.adapter.web.account.AccountWebConfiguration;
import dev.concierge.adapter.web.admin.AdminMailWebConfiguration;
import dev.concierge.adapter.web.appointment.AppointmentWebConfiguration;
import dev.concierge.adapter.web.chat.ChatWebConfiguration;
import dev.concierge.adapter.web.admin.AdminWebConfiguration;
import dev.concierge.adapter.web.recovery.RecoveryWebConfiguration;
import dev.concierge.adapter.web.security.PasswordHashingConfiguration;
import dev.concierge.adapter.web.security.SessionTokensConfiguration;
import dev.concierge.adapter.web.support.WebSupportConfiguration;
import dev.concierge.adapter.web.tenant.SignUpWebConfiguration;
import dev.concierge.adapter.web.widget.WidgetWebConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The whole HTTP API: every feature's configuration plus what all of them share. Plain Spring: the host application
 * brings the WebFlux infrastructure (Spring Boot in the bootstrap module, {@code @EnableWebFlux} in tests).
 *
 * <p>Each feature's configuration needs only its own use cases, so a test (or an application that serves part of
 * the API) imports {@link WebSupportConfiguration} and the features it exercises.
 */
@Configuration(proxyBeanMethods = false)
@Import({WebSupportConfiguration.class, PasswordHashingConfiguration.class, SessionTokensConfiguration.class,
        SignUpWebConfiguration.class,
        WidgetWebConfiguration.class, AccountWebConfiguration.class, RecoveryWebConfiguration.class,
        AppointmentWebConfiguration.class, ChatWebConfiguration.class,
        AdminWebConfiguration.class, AdminMailWebConfiguration.class})
public class WebAdapterConfiguration {
}
