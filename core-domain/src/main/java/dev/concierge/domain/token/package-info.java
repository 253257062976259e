/**
 * One-time tokens that a link in a mail carries (password reset, e-mail verification): random secrets of which only a
 * hash is kept.
 */
package dev.concierge.domain.token;
