/**
 * Conversations between a tenant's assistant and the visitors of its website: who said what when, and the rules that
 * keep a conversation cheap and safe.
 */
package dev.concierge.domain.chat;
