/**
 * Outgoing mail: SMTP through angus-mail with ical4j calendar invitations, and a file outbox used when no SMTP
 * server is configured. Filled in by the booking and password-reset capabilities.
 */
package dev.concierge.adapter.mail;
