package dev.concierge.adapter.persistence;

import dev.concierge.adapter.persistence.attempt.R2dbcAttemptCounters;
import dev.concierge.adapter.persistence.availability.R2dbcAvailabilityRules;
import dev.concierge.adapter.persistence.booking.R2dbcBookings;
import dev.concierge.adapter.persistence.chat.R2dbcConversations;
import dev.concierge.adapter.persistence.limit.R2dbcRollingLimits;
import dev.concierge.adapter.persistence.mail.R2dbcMailOutbox;
import dev.concierge.adapter.persistence.tenant.R2dbcTenants;
import dev.concierge.adapter.persistence.token.R2dbcOneTimeTokens;
import dev.concierge.adapter.persistence.transaction.R2dbcTransactions;
import dev.concierge.adapter.persistence.usage.R2dbcUsageCounters;
import dev.concierge.application.port.out.AttemptCounters;
import dev.concierge.application.port.out.AvailabilityRules;
import dev.concierge.application.port.out.Bookings;
import dev.concierge.application.port.out.Conversations;
import dev.concierge.application.port.out.MailOutbox;
import dev.concierge.application.port.out.OneTimeTokens;
import dev.concierge.application.port.out.RollingLimits;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.port.out.UsageCounters;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The storage ports and {@link Transactions} across them, all on the {@link ConnectionFactory} bean the application
 * defines, so the stores' writes join a transaction that {@link Transactions} started. Import this class; it creates
 * no connection factory, migrates nothing and uses no auto-configuration.
 */
@Configuration(proxyBeanMethods = false)
public class PersistenceConfiguration {

    /** Uses the application's {@link Clock} bean if there is one, else the system clock in UTC. */
    @Bean
    public Tenants tenants(ConnectionFactory connectionFactory, ObjectProvider<Clock> clock) {
        return R2dbcTenants.using(connectionFactory, clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    public AttemptCounters attemptCounters(ConnectionFactory connectionFactory) {
        return R2dbcAttemptCounters.using(connectionFactory);
    }

    @Bean
    public OneTimeTokens oneTimeTokens(ConnectionFactory connectionFactory) {
        return R2dbcOneTimeTokens.using(connectionFactory);
    }

    @Bean
    public RollingLimits rollingLimits(ConnectionFactory connectionFactory) {
        return R2dbcRollingLimits.using(connectionFactory);
    }

    @Bean
    public MailOutbox mailOutbox(ConnectionFactory connectionFactory) {
        return R2dbcMailOutbox.using(connectionFactory);
    }

    @Bean
    public AvailabilityRules availabilityRules(ConnectionFactory connectionFactory) {
        return R2dbcAvailabilityRules.using(connectionFactory);
    }

    @Bean
    public Bookings bookings(ConnectionFactory connectionFactory) {
        return R2dbcBookings.using(connectionFactory);
    }

    @Bean
    public Conversations conversations(ConnectionFactory connectionFactory) {
        return R2dbcConversations.using(connectionFactory);
    }

    @Bean
    public UsageCounters usageCounters(ConnectionFactory connectionFactory) {
        return R2dbcUsageCounters.using(connectionFactory);
    }

    @Bean
    public Transactions transactions(ConnectionFactory connectionFactory) {
        return R2dbcTransactions.using(connectionFactory);
    }
}
