package dev.concierge.bootstrap.config;

import dev.concierge.adapter.web.audit.LoggingSecurityEvents;
import dev.concierge.adapter.web.security.SessionTokenSettings;
import dev.concierge.application.port.out.AttemptCounters;
import dev.concierge.application.port.out.OneTimeTokens;
import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.application.port.out.RollingLimits;
import dev.concierge.application.port.out.SecurityEvents;
import dev.concierge.application.port.out.SessionTokens;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.service.AddressVerificationService;
import dev.concierge.application.service.AuthenticateService;
import dev.concierge.application.service.ChangePasswordService;
import dev.concierge.application.service.ConsoleLinks;
import dev.concierge.application.service.LogInService;
import dev.concierge.application.service.Mailer;
import dev.concierge.application.service.OwnSettingsService;
import dev.concierge.application.service.PasswordResetService;
import dev.concierge.application.service.RevokeSessionsService;
import dev.concierge.application.service.SignInLimits;
import dev.concierge.application.service.SignInProtection;
import dev.concierge.application.service.TenantAdministrationService;
import dev.concierge.application.service.TenantChanges;
import dev.concierge.bootstrap.security.AdminAccount;
import dev.concierge.bootstrap.security.ConfiguredAdmin;
import dev.concierge.bootstrap.security.SessionSecret;
import dev.concierge.domain.account.RateLimit;
import java.time.Clock;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Accounts, sessions and administration: the secrets and the admin from configuration, the sign-in limits, and the
 * services behind the sign-in, password-reset, address-verification, own-settings and admin routes.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityWiring {

    @Bean
    SessionTokenSettings sessionTokenSettings(ConciergeProperties properties) {
        return SessionTokenSettings.withSecret(SessionSecret.resolve(properties.security().jwtSecret(), properties.embedded(),
                properties.dataDir()));
    }

    @Bean
    ConfiguredAdmin configuredAdmin(ConciergeProperties properties, PasswordHasher hasher) {
        ConciergeProperties.Security security = properties.security();
        return new ConfiguredAdmin(AdminAccount.resolve(security.adminEmail(), security.adminPassword(),
                properties.embedded(), properties.dataDir(), hasher));
    }

    @Bean
    SecurityEvents securityEvents() {
        return new LoggingSecurityEvents();
    }

    @Bean
    SignInProtection signInProtection(AttemptCounters counters, ConciergeProperties properties,
            SecurityEvents events) {
        ConciergeProperties.Security security = properties.security();
        SignInLimits defaults = SignInLimits.defaults();
        SignInLimits limits = new SignInLimits(
                withFreeFailures(defaults.perAccount(), security.accountFreeFailures()),
                withFreeFailures(defaults.perAddress(), security.addressFreeFailures()),
                new RateLimit(security.loginsPerAddressPerMinute(), Duration.ofMinutes(1)),
                new RateLimit(security.signUpsPerAddressPerHour(), Duration.ofHours(1)),
                new RateLimit(security.resetsPerAddressPerHour(), Duration.ofHours(1)));
        return new SignInProtection(counters, limits, events);
    }

    @Bean
    LogInService logInUseCase(Tenants tenants, PasswordHasher hasher, SessionTokens tokens,
            SignInProtection protection, SecurityEvents events, ConfiguredAdmin admin, Clock clock) {
        return new LogInService(tenants, hasher, tokens, protection, events, admin.account(), clock);
    }

    @Bean
    AuthenticateService authenticateUseCase(SessionTokens tokens, Tenants tenants, ConfiguredAdmin admin,
            Clock clock) {
        return new AuthenticateService(tokens, tenants, admin.account(), clock);
    }

    /** Loads and updates the owner's settings; a change shows in this instance's widget cache at once. */
    @Bean
    OwnSettingsService ownSettingsService(Tenants tenants, TenantChanges changes, SecurityEvents events,
            Clock clock) {
        return new OwnSettingsService(tenants, changes, events, clock);
    }

    @Bean
    ChangePasswordService changePasswordUseCase(Tenants tenants, PasswordHasher hasher, SessionTokens tokens,
            SignInProtection protection, SecurityEvents events, Transactions transactions, Mailer mailer,
            ConsoleLinks links, Clock clock) {
        return new ChangePasswordService(tenants, hasher, tokens, protection, events, transactions, mailer, links,
                clock);
    }

    /** "Forgot password"; see {@code concierge.mail.reset-answer-floor} for the time every request takes. */
    @Bean
    PasswordResetService passwordResetUseCase(Tenants tenants, OneTimeTokens tokens, RollingLimits limits,
            PasswordHasher hasher, SignInProtection protection, Mailer mailer, ConsoleLinks links,
            Transactions transactions, SecurityEvents events, Clock clock, ConciergeProperties properties) {
        return new PasswordResetService(tenants, tokens, limits, hasher, protection, mailer, links, transactions,
                events, clock, properties.mail().resetAnswerFloor());
    }

    @Bean
    AddressVerificationService addressVerificationService(Tenants tenants, OneTimeTokens tokens, RollingLimits limits,
            Mailer mailer, ConsoleLinks links, Transactions transactions, SecurityEvents events, Clock clock) {
        return new AddressVerificationService(tenants, tokens, limits, mailer, links, transactions, events, clock);
    }

    @Bean
    RevokeSessionsService revokeSessionsUseCase(Tenants tenants, SecurityEvents events, Clock clock) {
        return new RevokeSessionsService(tenants, events, clock);
    }

    /** Lists, confirms, suspends and reactivates tenants; a change shows in this instance's widget cache at once. */
    @Bean
    TenantAdministrationService tenantAdministrationService(Tenants tenants, TenantChanges changes,
            SecurityEvents events, Transactions transactions, Mailer mailer, ConsoleLinks links, Clock clock) {
        return new TenantAdministrationService(tenants, changes, events, transactions, mailer, links, clock);
    }

    private static dev.concierge.domain.account.BruteForcePolicy withFreeFailures(
            dev.concierge.domain.account.BruteForcePolicy policy, int freeFailures) {
        return new dev.concierge.domain.account.BruteForcePolicy(freeFailures, policy.firstWait(), policy.maxWait(),
                policy.forgetAfter());
    }
}
