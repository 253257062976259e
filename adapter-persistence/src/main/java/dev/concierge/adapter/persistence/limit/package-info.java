/**
 * Rolling-window limits shared by every instance, stored in the {@code rolling_limit} table through R2DBC.
 */
package dev.concierge.adapter.persistence.limit;
