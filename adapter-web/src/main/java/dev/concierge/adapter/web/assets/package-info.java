/**
 * The widget script and the pages shipped with the server, held in memory and served with validators for caching.
 */
package dev.concierge.adapter.web.assets;
