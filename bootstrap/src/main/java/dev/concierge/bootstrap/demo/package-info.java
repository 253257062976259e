/**
 * The demo tenant seeded on the embedded defaults, so a fresh start has a widget to look at.
 */
package dev.concierge.bootstrap.demo;
