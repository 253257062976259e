package dev.concierge.adapter.web.security;

import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.PlainPassword;
import java.security.SecureRandom;
import org.springframework.security.crypto.bcrypt.BCrypt;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * bcrypt with a configurable cost (12 in production, about a quarter of a second per hash). Hashing and checking
 * run on a scheduler meant for blocking work so the event loop never waits for them.
 */
public final class BcryptPasswordHasher implements PasswordHasher {

    public static final int DEFAULT_STRENGTH = 12;

    private final int strength;
    private final SecureRandom random = new SecureRandom();
    private final Scheduler scheduler;

    public BcryptPasswordHasher(int strength) {
        this(strength, Schedulers.boundedElastic());
    }

    BcryptPasswordHasher(int strength, Scheduler scheduler) {
        if (strength < 4 || strength > 31) {
            throw new IllegalArgumentException("bcrypt strength must be between 4 and 31, was " + strength);
        }
        this.strength = strength;
        this.scheduler = scheduler;
    }

    @Override
    public Mono<PasswordHash> hash(PlainPassword password) {
        return Mono.fromCallable(() -> new PasswordHash(BCrypt.hashpw(password.reveal(), BCrypt.gensalt(strength, random))))
                .subscribeOn(scheduler);
    }

    @Override
    public Mono<Boolean> matches(dev.concierge.domain.account.PasswordCandidate candidate, PasswordHash hash) {
        return Mono.fromCallable(() -> {
            try {
                return BCrypt.checkpw(candidate.reveal(), hash.value());
            } catch (IllegalArgumentException malformedHash) {
                return false;
            }
        }).subscribeOn(scheduler);
    }
}
