/**
 * Platform administration on the HTTP API: listing tenants, confirming, suspending and reactivating them.
 */
package dev.concierge.adapter.web.admin;
