/**
 * Inbound ports: one use case per thing a person does, called by the driving adapters (web API, scheduled jobs).
 */
package dev.concierge.application.port.in;
