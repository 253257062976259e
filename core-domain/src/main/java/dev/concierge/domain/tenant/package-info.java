/**
 * The tenant aggregate: a business with its owner account, branding, assistant settings and allowed web origins.
 */
package dev.concierge.domain.tenant;
