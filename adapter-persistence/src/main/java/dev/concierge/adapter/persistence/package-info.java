/**
 * The persistence adapter's entry points: the Spring wiring of the storage ports and the parsing of the
 * {@code DATABASE_URL} connection string.
 */
package dev.concierge.adapter.persistence;
