/**
 * Mail templates: each notice worded in German or English from message catalogues, laid out once as HTML and as
 * plain text, with every value from the notice escaped.
 */
package dev.concierge.adapter.mail.template;
