/**
 * Sessions on the HTTP API: bearer tokens checked on every request and turned into the caller a handler acts for.
 */
package dev.concierge.adapter.web.session;
