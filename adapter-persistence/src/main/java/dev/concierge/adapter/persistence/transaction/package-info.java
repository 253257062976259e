/**
 * Transactions across the R2DBC adapters that share one connection factory.
 */
package dev.concierge.adapter.persistence.transaction;
