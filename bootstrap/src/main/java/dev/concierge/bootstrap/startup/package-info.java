/**
 * Start-up checks and messages: refusing a database configuration that cannot work, one clear line when the
 * database cannot be reached, and one line saying where the ready server listens.
 */
package dev.concierge.bootstrap.startup;
