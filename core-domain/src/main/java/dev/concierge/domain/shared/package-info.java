/**
 * Building blocks every part of the model shares: the domain exception hierarchy and field-level validation.
 */
package dev.concierge.domain.shared;
