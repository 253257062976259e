/**
 * The transactional mail outbox, stored in the {@code mail_outbox} table through R2DBC.
 */
package dev.concierge.adapter.persistence.mail;
