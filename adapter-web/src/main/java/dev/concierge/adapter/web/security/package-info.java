/**
 * Credentials: bcrypt password hashing, run off the event loop.
 */
package dev.concierge.adapter.web.security;
