package dev.concierge.adapter.web.recovery;

import dev.concierge.adapter.web.session.SessionWebConfiguration;
import dev.concierge.application.port.in.PasswordResetUseCase;
import dev.concierge.application.port.in.VerifyAddressUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Password reset and e-mail verification. Needs {@link PasswordResetUseCase}, {@link VerifyAddressUseCase} and,
 * through {@link SessionWebConfiguration}, an {@code AuthenticateUseCase} bean.
 */
@Configuration(proxyBeanMethods = false)
@Import(SessionWebConfiguration.class)
public class RecoveryWebConfiguration {

    @Bean
    PasswordResetController passwordResetController(PasswordResetUseCase reset) {
        return new PasswordResetController(reset);
    }

    @Bean
    AddressVerificationController addressVerificationController(VerifyAddressUseCase verification) {
        return new AddressVerificationController(verification);
    }
}
