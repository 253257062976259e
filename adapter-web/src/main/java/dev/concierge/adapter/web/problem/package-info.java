/**
 * Turns every failure, from invalid input to unknown routes, into an RFC 9457 problem+json answer.
 */
package dev.concierge.adapter.web.problem;
