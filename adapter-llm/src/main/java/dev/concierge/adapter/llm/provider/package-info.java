/**
 * The assistant port on langchain4j's streaming chat models (OpenAI and OpenAI-compatible servers, Anthropic): the
 * translation of a request into langchain4j's messages and tools, and the bridge from its callbacks to a Flux.
 */
package dev.concierge.adapter.llm.provider;
