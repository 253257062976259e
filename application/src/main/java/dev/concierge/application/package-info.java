/**
 * The Concierge application core: what owners, visitors and the platform admin can do, independent of any framework.
 */
package dev.concierge.application;
