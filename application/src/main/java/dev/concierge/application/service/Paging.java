package dev.concierge.application.service;

import dev.concierge.domain.shared.Violations;

/** The page rules every listing shares. */
final class Paging {

    static final int MAX_PAGE = 1_000_000;

    private Paging() {
    }

    /** @throws dev.concierge.domain.shared.ValidationException naming {@code page} or {@code size} when out of range */
    static void check(int page, int size, int maxSize) {
        Violations violations = new Violations();
        if (page < 0 || page > MAX_PAGE) {
            violations.add("page", "must be between 0 and " + MAX_PAGE);
        }
        if (size < 1 || size > maxSize) {
            violations.add("size", "must be between 1 and " + maxSize);
        }
        violations.throwIfAny();
    }
}
