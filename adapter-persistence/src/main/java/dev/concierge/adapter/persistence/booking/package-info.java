/**
 * Bookings, stored in the {@code booking} table through R2DBC, where a database constraint keeps two active bookings
 * of a tenant from overlapping.
 */
package dev.concierge.adapter.persistence.booking;
