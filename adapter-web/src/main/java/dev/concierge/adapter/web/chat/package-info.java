/**
 * The chat over HTTP: the widget's chat (one answer, or a stream of server-sent events) and conversation restore, and
 * the owner's conversation views.
 */
package dev.concierge.adapter.web.chat;
