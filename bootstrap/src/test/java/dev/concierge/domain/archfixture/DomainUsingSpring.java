package dev.concierge.domain.archfixture;

import org.springframework.stereotype.Component;

/** Breaks the domain rule on purpose: the domain must not know Spring. Test source only. */
@Component
public class DomainUsingSpring {
}
