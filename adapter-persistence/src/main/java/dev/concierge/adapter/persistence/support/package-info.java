/**
 * Helpers shared by the R2DBC adapters, such as recognising which database constraint a failed statement violated.
 */
package dev.concierge.adapter.persistence.support;
