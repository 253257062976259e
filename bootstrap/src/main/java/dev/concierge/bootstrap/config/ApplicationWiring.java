package dev.concierge.bootstrap.config;

import dev.concierge.adapter.persistence.PersistenceConfiguration;
import dev.concierge.adapter.web.WebAdapterConfiguration;
import dev.concierge.adapter.web.security.PasswordHashingSettings;
import dev.concierge.adapter.web.server.NettyHardening;
import dev.concierge.adapter.web.support.WebSettings;
import dev.concierge.application.port.in.SignUpTenantUseCase;
import dev.concierge.application.port.out.AttemptCounters;
import dev.concierge.application.port.out.OneTimeTokens;
import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.application.port.out.RollingLimits;
import dev.concierge.application.port.out.SecurityEvents;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.port.out.UsageCounters;
import dev.concierge.application.service.AddressVerificationService;
import dev.concierge.application.service.CachedLoadWidgetService;
import dev.concierge.application.service.ConsoleLinks;
import dev.concierge.application.service.LoadWidgetService;
import dev.concierge.application.service.MailRelay;
import dev.concierge.application.service.Mailer;
import dev.concierge.application.service.SignInProtection;
import dev.concierge.application.service.SignUpTenantService;
import dev.concierge.bootstrap.security.ConfiguredAdmin;
import dev.concierge.bootstrap.startup.ExpiredRecordsPurge;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Wires the use cases to their adapters. Every service is a plain object created here; the adapters bring their own
 * Spring configuration, and this class hands them their settings, read from the typed {@link ConciergeProperties}.
 */
@Configuration(proxyBeanMethods = false)
@Import({WebAdapterConfiguration.class, PersistenceConfiguration.class, MailWiring.class, SecurityWiring.class,
        AppointmentWiring.class, ChatWiring.class})
public class ApplicationWiring {

    /** The system clock in UTC, unless the host application brings a clock of its own (a test, to move time). */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    WebSettings webSettings(ConciergeProperties properties) {
        ConciergeProperties.Web web = properties.web();
        return new WebSettings(web.maxRequestBytes().toBytes(), web.headerTimeout(), web.readTimeout(),
                web.idleTimeout());
    }

    @Bean
    PasswordHashingSettings passwordHashingSettings(ConciergeProperties properties) {
        ConciergeProperties.Security security = properties.security();
        int threads = security.hashingThreads() > 0 ? security.hashingThreads() : PasswordHashingSettings.defaultThreads();
        int queue = security.hashingQueue() > 0 ? security.hashingQueue()
                : threads * PasswordHashingSettings.QUEUE_PER_THREAD;
        return new PasswordHashingSettings(security.bcryptStrength(), threads, queue);
    }

    /** The web adapter's limits and timeouts, applied to the embedded Netty server. */
    @Bean
    NettyServerCustomizer nettyHardening(WebSettings settings) {
        return server -> NettyHardening.apply(server, settings);
    }

    @Bean
    SignUpTenantUseCase signUpTenantUseCase(Tenants tenants, PasswordHasher passwordHasher,
            SignInProtection protection, AddressVerificationService verification, RollingLimits limits,
            Mailer mailer, ConsoleLinks links, Transactions transactions, SecurityEvents events,
            ConfiguredAdmin admin, Clock clock) {
        return new SignUpTenantService(tenants, passwordHasher, protection, verification, limits, mailer, links,
                transactions, events, admin.account(), clock);
    }

    /**
     * The widget's public configuration, cached briefly on this instance: see {@link CachedLoadWidgetService} for
     * the staleness window, set by {@code concierge.widget.cache-ttl}.
     */
    @Bean
    CachedLoadWidgetService loadWidgetUseCase(Tenants tenants, Clock clock, ConciergeProperties properties) {
        ConciergeProperties.Widget widget = properties.widget();
        return new CachedLoadWidgetService(new LoadWidgetService(tenants), clock, widget.cacheTtl(),
                widget.cacheMaxEntries());
    }

    /** Keeps the tables of short-lived records small; see {@link ExpiredRecordsPurge}. */
    @Bean
    ExpiredRecordsPurge expiredRecordsPurge(AttemptCounters counters, OneTimeTokens tokens, RollingLimits limits,
            UsageCounters usage, MailRelay relay, Clock clock) {
        return new ExpiredRecordsPurge(Map.of(
                "expired attempt counters", () -> counters.purgeExpired(clock.instant()),
                "expired one-time tokens", () -> tokens.purgeExpired(clock.instant()),
                "expired rolling limits", () -> limits.purgeExpired(clock.instant()),
                "expired usage sums", () -> usage.purgeExpired(clock.instant()),
                "sent mails past their time on record", relay::purgeSent));
    }
}
