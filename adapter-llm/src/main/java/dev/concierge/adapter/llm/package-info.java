/**
 * The assistant port implemented with langchain4j: OpenAI and OpenAI-compatible servers, Anthropic, and an offline
 * assistant for running without an API key. Filled in by the chat capability.
 */
package dev.concierge.adapter.llm;
