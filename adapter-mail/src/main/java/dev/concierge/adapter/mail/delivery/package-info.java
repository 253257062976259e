/**
 * Delivery of composed mails as MIME messages: to an SMTP server through angus-mail, or as {@code .eml} files into a
 * folder when no server is configured.
 */
package dev.concierge.adapter.mail.delivery;
