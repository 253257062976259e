/**
 * Cross-cutting HTTP concerns that apply to every route, such as the request body size limit.
 */
package dev.concierge.adapter.web.support;
