/**
 * Configuration: typed properties, the database choice made from the environment, and the wiring of every bean.
 */
package dev.concierge.bootstrap.config;
