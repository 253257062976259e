/**
 * Getting back into an account and proving an address: password reset by mail, and e-mail verification.
 */
package dev.concierge.adapter.web.recovery;
