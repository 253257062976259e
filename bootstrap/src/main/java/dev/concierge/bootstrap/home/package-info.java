/**
 * The page at {@code /}: the demo shop when the demo is on, else a neutral page naming the server.
 */
package dev.concierge.bootstrap.home;
