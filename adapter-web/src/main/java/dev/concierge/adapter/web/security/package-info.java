/**
 * Credentials: bcrypt password hashing on a bounded pool off the event loop, and signed session tokens.
 */
package dev.concierge.adapter.web.security;
