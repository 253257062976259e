/**
 * Secrets and accounts from configuration: the session-signing secret, the platform admin, and the printed
 * credentials of a first start on embedded defaults.
 */
package dev.concierge.bootstrap.security;
