package dev.concierge.bootstrap.config;

import dev.concierge.application.port.out.AvailabilityRules;
import dev.concierge.application.port.out.Bookings;
import dev.concierge.application.port.out.OneTimeTokens;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.service.AvailabilityService;
import dev.concierge.application.service.BookSlotService;
import dev.concierge.application.service.BookingDecisionService;
import dev.concierge.application.service.ConsoleLinks;
import dev.concierge.application.service.FreeSlotsService;
import dev.concierge.application.service.Mailer;
import dev.concierge.domain.booking.BookingPolicy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Appointments: availability, free slots, booking, and confirming or cancelling bookings. */
@Configuration(proxyBeanMethods = false)
public class AppointmentWiring {

    @Bean
    BookingPolicy bookingPolicy(ConciergeProperties properties) {
        BookingPolicy defaults = BookingPolicy.defaults();
        return new BookingPolicy(properties.appointments().leadTime(), defaults.defaultWindow(), defaults.maxWindow());
    }

    @Bean
    AvailabilityService manageAvailabilityUseCase(AvailabilityRules rules) {
        return new AvailabilityService(rules);
    }

    @Bean
    FreeSlotsService freeSlotsUseCase(AvailabilityRules rules, Bookings bookings, BookingPolicy policy, Clock clock) {
        return new FreeSlotsService(rules, bookings, policy, clock);
    }

    @Bean
    BookSlotService bookSlotUseCase(Tenants tenants, AvailabilityRules rules, Bookings bookings,
            FreeSlotsService slots, OneTimeTokens tokens, Mailer mailer, ConsoleLinks links, Transactions transactions,
            Clock clock) {
        return new BookSlotService(tenants, rules, bookings, slots, tokens, mailer, links, transactions, clock);
    }

    @Bean
    BookingDecisionService bookingDecisionUseCase(Tenants tenants, Bookings bookings, OneTimeTokens tokens,
            Mailer mailer, ConsoleLinks links, Transactions transactions, Clock clock) {
        return new BookingDecisionService(tenants, bookings, tokens, mailer, links, transactions, clock);
    }
}
