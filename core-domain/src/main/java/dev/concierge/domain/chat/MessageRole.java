package dev.concierge.domain.chat;

/** Who a message in a conversation is from. */
public enum MessageRole {
    /** The visitor. */
    USER,
    /** The tenant's assistant. */
    ASSISTANT,
    /** The result of a tool the assistant asked for, such as the free slots it looked up. */
    TOOL
}
