/**
 * Appointments: when a business is available (rules in its own time zone), the slots that follow from that, and
 * the bookings visitors make of them.
 */
package dev.concierge.domain.booking;
