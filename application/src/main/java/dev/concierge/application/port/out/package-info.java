/**
 * Outbound ports: the capabilities the use cases need from the outside world (storage, hashing, mail, the LLM).
 */
package dev.concierge.application.port.out;
