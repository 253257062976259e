/**
 * One-time tokens shared by every instance, stored by their hash in the {@code one_time_token} table through R2DBC.
 */
package dev.concierge.adapter.persistence.token;
