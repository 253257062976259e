/**
 * Public endpoints the embedded widget calls, guarded by each tenant's own list of allowed origins.
 */
package dev.concierge.adapter.web.widget;
