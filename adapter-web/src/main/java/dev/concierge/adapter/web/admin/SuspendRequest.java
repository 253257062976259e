package dev.concierge.adapter.web.admin;

/**
 * Why the admin suspends a tenant; its owner reads it.
 */
public record SuspendRequest(String reason) {
}
