package dev.concierge.domain.shared;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input was rejected; every broken rule is listed, not just the first one found.
 */
public final class ValidationException extends DomainException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(Kind.INVALID_INPUT, describe(violations));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation failure needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    @Override
    public List<Violation> violations() {
        return violations;
    }

    private static String describe(List<Violation> violations) {
        return violations.stream()
                .map(violation -> violation.field() + " " + violation.message())
                .collect(Collectors.joining("; "));
    }
}
