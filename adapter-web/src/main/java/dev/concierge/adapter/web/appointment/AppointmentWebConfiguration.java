package dev.concierge.adapter.web.appointment;

import dev.concierge.adapter.web.session.SessionWebConfiguration;
import dev.concierge.adapter.web.widget.WidgetWebConfiguration;
import dev.concierge.application.port.in.BookSlotUseCase;
import dev.concierge.application.port.in.BookingDecisionUseCase;
import dev.concierge.application.port.in.FreeSlotsUseCase;
import dev.concierge.application.port.in.LoadOwnSettingsUseCase;
import dev.concierge.application.port.in.ManageAvailabilityUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Appointments. Needs {@link ManageAvailabilityUseCase}, {@link FreeSlotsUseCase}, {@link BookSlotUseCase},
 * {@link BookingDecisionUseCase}, {@link LoadOwnSettingsUseCase}, and what the widget and session configurations
 * need.
 */
@Configuration(proxyBeanMethods = false)
@Import({WidgetWebConfiguration.class, SessionWebConfiguration.class})
public class AppointmentWebConfiguration {

    @Bean
    AvailabilityController availabilityController(ManageAvailabilityUseCase availability) {
        return new AvailabilityController(availability);
    }

    @Bean
    OwnerBookingsController ownerBookingsController(BookingDecisionUseCase decisions, LoadOwnSettingsUseCase settings) {
        return new OwnerBookingsController(decisions, settings);
    }

    @Bean
    WidgetBookingController widgetBookingController(FreeSlotsUseCase slots, BookSlotUseCase book) {
        return new WidgetBookingController(slots, book);
    }

    @Bean
    BookingLinkController bookingLinkController(BookingDecisionUseCase decisions) {
        return new BookingLinkController(decisions);
    }
}
