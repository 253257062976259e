package dev.concierge.domain.booking;

import dev.concierge.domain.shared.DomainException;

/** No availability rule of this tenant has this id. */
public final class AvailabilityRuleNotFoundException extends DomainException {

    private static final long serialVersionUID = 1L;

    public AvailabilityRuleNotFoundException(Object id) {
        super(Kind.NOT_FOUND, "no availability rule with id " + id);
    }
}
