/**
 * The HTTP server's own defences below the routes: request size limits, timeouts against slow clients, and
 * problem+json answers for requests too broken to reach a route.
 */
package dev.concierge.adapter.web.server;
