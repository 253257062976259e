/**
 * The security log: security events written as one structured line each.
 */
package dev.concierge.adapter.web.audit;
