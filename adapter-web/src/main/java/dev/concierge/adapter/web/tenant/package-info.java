/**
 * Tenant endpoints: sign-up, and the shapes of tenant requests and responses.
 */
package dev.concierge.adapter.web.tenant;
