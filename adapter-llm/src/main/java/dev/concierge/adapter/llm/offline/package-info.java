/** The assistant used when no language model is configured: a fixed, honest answer, without any network. */
package dev.concierge.adapter.llm.offline;
