/**
 * Owner accounts on the HTTP API: signing in, the owner's own tenant settings, password change and signing out
 * everywhere.
 */
package dev.concierge.adapter.web.account;
