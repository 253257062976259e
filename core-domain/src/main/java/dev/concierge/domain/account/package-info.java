/**
 * Signing in: roles, password attempts, and the rules that slow down password guessing.
 */
package dev.concierge.domain.account;
