/**
 * Usage sums shared by every instance, stored in the {@code usage_counter} table through R2DBC.
 */
package dev.concierge.adapter.persistence.usage;
