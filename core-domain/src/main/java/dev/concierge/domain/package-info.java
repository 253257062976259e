/**
 * The Concierge domain model: tenants, their branding and origins, and the rules that govern them, in plain Java.
 */
package dev.concierge.domain;
