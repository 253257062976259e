/**
 * Appointments over HTTP: the owner's availability and bookings, the widget's free slots and booking form, and the
 * confirm and cancel links in booking mails.
 */
package dev.concierge.adapter.web.appointment;
