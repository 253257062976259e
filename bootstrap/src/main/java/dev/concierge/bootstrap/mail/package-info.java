/**
 * Mail in the running server: the public address that links start with, the SMTP or folder settings handed to the
 * mail adapter, and the poller that works off the outbox.
 */
package dev.concierge.bootstrap.mail;
