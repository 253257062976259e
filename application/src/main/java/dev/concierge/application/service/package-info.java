/**
 * The services that implement the use cases; plain classes that the bootstrap module wires by hand.
 */
package dev.concierge.application.service;
