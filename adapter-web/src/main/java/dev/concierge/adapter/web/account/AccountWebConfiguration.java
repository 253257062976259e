package dev.concierge.adapter.web.account;

import dev.concierge.adapter.web.session.SessionWebConfiguration;
import dev.concierge.application.port.in.ChangePasswordUseCase;
import dev.concierge.application.port.in.LoadOwnSettingsUseCase;
import dev.concierge.application.port.in.LogInUseCase;
import dev.concierge.application.port.in.RevokeSessionsUseCase;
import dev.concierge.application.port.in.UpdateOwnSettingsUseCase;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Sign-in and the owner's own tenant. Needs {@link LogInUseCase}, {@link LoadOwnSettingsUseCase},
 * {@link UpdateOwnSettingsUseCase}, {@link ChangePasswordUseCase}, {@link RevokeSessionsUseCase} and, through
 * {@link SessionWebConfiguration}, an {@code AuthenticateUseCase} bean; uses the {@link Clock} bean if there is one.
 */
@Configuration(proxyBeanMethods = false)
@Import(SessionWebConfiguration.class)
public class AccountWebConfiguration {

    @Bean
    LoginController loginController(LogInUseCase logIn, ObjectProvider<Clock> clock) {
        return new LoginController(logIn, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    OwnTenantController ownTenantController(LoadOwnSettingsUseCase load, UpdateOwnSettingsUseCase update,
            ChangePasswordUseCase changePassword, RevokeSessionsUseCase revokeSessions, ObjectProvider<Clock> clock) {
        return new OwnTenantController(load, update, changePassword, revokeSessions,
                clock.getIfAvailable(Clock::systemUTC));
    }
}
