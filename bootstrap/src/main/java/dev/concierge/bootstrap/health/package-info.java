/**
 * The health endpoint's edges: unknown health paths answer 404 problem+json like every other unknown address.
 */
package dev.concierge.bootstrap.health;
