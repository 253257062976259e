/**
 * Tenants stored in the {@code tenant} and {@code tenant_allowed_origin} tables through R2DBC.
 */
package dev.concierge.adapter.persistence.tenant;
