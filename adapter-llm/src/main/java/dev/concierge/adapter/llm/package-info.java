/**
 * The assistant port's implementations and their Spring configuration: OpenAI and OpenAI-compatible servers and
 * Anthropic through langchain4j, or the offline assistant when no language model is configured.
 */
package dev.concierge.adapter.llm;
