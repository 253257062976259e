/**
 * Small HTTP building blocks that several features share, such as entity tags for revalidation.
 */
package dev.concierge.adapter.web.http;
