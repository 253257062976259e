package dev.concierge.application.port.in;

import dev.concierge.domain.booking.Booking;
import java.util.List;

/** One page of an owner's bookings, with the total to page through. */
public record BookingPage(List<Booking> items, int page, int size, long total) {

    public BookingPage {
        items = List.copyOf(items);
    }
}
