/**
 * Conversations and their messages, stored in the {@code conversation} and {@code chat_message} tables through R2DBC.
 */
package dev.concierge.adapter.persistence.chat;
