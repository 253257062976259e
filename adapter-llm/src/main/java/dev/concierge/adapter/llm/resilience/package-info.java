/**
 * What keeps a slow or failing language model from hurting the chat: bounded waits, retries with backoff for the
 * failures that may pass, and a circuit breaker that answers at once while the provider is down.
 */
package dev.concierge.adapter.llm.resilience;
