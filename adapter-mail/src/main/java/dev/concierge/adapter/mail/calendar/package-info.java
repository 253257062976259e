/**
 * Calendar invitations: the event of a booking mail as an iCalendar object (RFC 5545, with the iTIP method of
 * RFC 5546) that mail clients offer to put into the recipient's calendar.
 */
package dev.concierge.adapter.mail.calendar;
