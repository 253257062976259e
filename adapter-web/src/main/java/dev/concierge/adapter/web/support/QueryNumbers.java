package dev.concierge.adapter.web.support;

import dev.concierge.domain.shared.InvalidValueException;

/** Page numbers and sizes from a query string. */
public final class QueryNumbers {

    private QueryNumbers() {
    }

    /** A whole number; one too large for any page is left to the use case's range check. */
    public static int parse(String raw) {
        String digits = raw.strip();
        if (!digits.matches("-?\\d{1,18}")) {
            throw new InvalidValueException("must be a whole number");
        }
        long value = Long.parseLong(digits);
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }
}
