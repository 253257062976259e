package dev.concierge.adapter.web.appointment;

import dev.concierge.application.port.in.BookingForm;

/** The JSON the widget's booking form sends. */
public record BookingRequest(String start, String name, String email, String phone, String notes) {

    BookingForm toForm() {
        return new BookingForm(start, name, email, phone, notes);
    }
}
