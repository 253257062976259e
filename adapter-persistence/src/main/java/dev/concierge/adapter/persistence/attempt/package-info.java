/**
 * Attempt counters shared by every instance, stored in the {@code attempt_counter} table through R2DBC.
 */
package dev.concierge.adapter.persistence.attempt;
