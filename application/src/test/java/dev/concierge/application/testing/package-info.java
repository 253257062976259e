/**
 * In-memory adapters for the outbound ports and the contract tests every implementation of a port must pass.
 */
package dev.concierge.application.testing;
