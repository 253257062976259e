package dev.concierge.application.port.in;

/**
 * A booking as a visitor's browser sent it, before validation.
 *
 * @param start the slot's start as an ISO-8601 instant or offset date-time
 */
public record BookingForm(String start, String name, String email, String phone, String notes) {
}
