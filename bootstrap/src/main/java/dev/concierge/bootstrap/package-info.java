/**
 * The Concierge server: a Spring Boot application that wires the use cases to their adapters.
 */
package dev.concierge.bootstrap;
