/**
 * The Concierge HTTP API on Spring WebFlux, and the Spring configuration that assembles it from the use cases.
 */
package dev.concierge.adapter.web;
