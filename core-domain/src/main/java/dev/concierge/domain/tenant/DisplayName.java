package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.Text;

/**
 * The business name a tenant shows, for example as its assistant's title: 1 to 100 characters on one line.
 */
public record DisplayName(String value) {

    public static final int MAX_LENGTH = 100;

    public DisplayName {
        value = Text.require(value, MAX_LENGTH, false);
    }

    public static DisplayName of(String raw) {
        return new DisplayName(raw);
    }

    @Override
    public String toString() {
        return value;
    }
}
