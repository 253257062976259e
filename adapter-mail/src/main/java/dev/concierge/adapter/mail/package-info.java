/**
 * The mail adapter's Spring configuration and settings: the mail templates, and a sender that uses SMTP when a server
 * is configured and an outbox folder of {@code .eml} files when none is.
 */
package dev.concierge.adapter.mail;
