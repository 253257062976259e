package dev.concierge.domain.tenant;

/**
 * Where the widget's launcher sits on the host page.
 */
public enum Position {
    BOTTOM_RIGHT,
    BOTTOM_LEFT,
    BOTTOM_CENTER
}
