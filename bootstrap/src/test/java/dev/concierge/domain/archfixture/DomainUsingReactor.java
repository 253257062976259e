package dev.concierge.domain.archfixture;

import reactor.core.publisher.Mono;

/** Breaks the domain rule on purpose: the domain must not know Reactor. Test source only. */
public class DomainUsingReactor {

    public Mono<String> name() {
        return Mono.just("domain");
    }
}
