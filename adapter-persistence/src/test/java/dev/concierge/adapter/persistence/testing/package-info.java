/**
 * Test databases for the persistence adapter's tests and for other modules' tests (shipped in the test-jar): a
 * fresh in-memory H2 and a PostgreSQL server found through the environment or Testcontainers.
 */
package dev.concierge.adapter.persistence.testing;
