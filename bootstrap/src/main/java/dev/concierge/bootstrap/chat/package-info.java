/**
 * The assistant in the running server: the provider chosen from configuration, and its failures logged and counted.
 */
package dev.concierge.bootstrap.chat;
