/**
 * Each tenant's availability rules, stored in the {@code availability_rule} table through R2DBC.
 */
package dev.concierge.adapter.persistence.availability;
