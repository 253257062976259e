package dev.concierge.application.service;

import dev.concierge.application.port.in.ClientAddress;
import dev.concierge.application.port.out.AttemptCounters;
import dev.concierge.application.port.out.SecurityEvent;
import dev.concierge.application.port.out.SecurityEvents;
import dev.concierge.domain.account.Attempts;
import dev.concierge.domain.account.BruteForcePolicy;
import dev.concierge.domain.account.RateLimit;
import dev.concierge.domain.account.TooManyAttemptsException;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * Slows down password guessing and bcrypt abuse with counters every instance shares ({@link AttemptCounters}):
 * brute-force locks per account and per client address, and request rates per client address. The platform's own
 * work ({@link ClientAddress#INTERNAL}) is never limited.
 *
 * <p>Accounts are counted by e-mail address whether or not an account has it, so a lock says nothing about which
 * addresses have accounts.
 */
public final class SignInProtection {

    /** How many refused client addresses one instance remembers at most; a few hundred KiB at most. */
    static final int REMEMBERED_ADDRESSES = 10_000;

    private final AttemptCounters counters;
    private final SignInLimits limits;
    private final SecurityEvents events;
    private final RememberedRefusals refusals = new RememberedRefusals(REMEMBERED_ADDRESSES);

    public SignInProtection(AttemptCounters counters, SignInLimits limits, SecurityEvents events) {
        this.counters = counters;
        this.limits = limits;
        this.events = events;
    }

    /**
     * Lets a sign-in attempt through, or refuses it: when the address sent too many sign-ins in the current window,
     * or while the account or the address is locked after failures. A locked account is refused without checking the
     * password at all, the right one included. An address this instance already saw refused until a later instant
     * is refused again without asking the database (see {@link RememberedRefusals}).
     *
     * @return empty when the attempt may go on; errors with {@link TooManyAttemptsException} otherwise
     */
    public Mono<Void> admitSignIn(EmailAddress account, ClientAddress from, Instant now) {
        String remembered = "sign-in:" + from.value();
        Optional<Instant> known = refusals.refusedUntil(remembered, now);
        if (known.isPresent()) {
            return Mono.error(new TooManyAttemptsException(Duration.between(now, known.get())));
        }
        return withinRate("login-rate:", limits.loginsPerAddress(), from, remembered, now)
                .then(lockedUntil(addressKey(from), limits.perAddress(), now)
                        .doOnNext(until -> refusals.remember(remembered, until, now)))
                // An account lock is not remembered: a password reset lifts it early.
                .switchIfEmpty(Mono.defer(() -> lockedUntil(accountKey(account), limits.perAccount(), now)))
                .flatMap(until -> {
                    events.record(new SecurityEvent(SecurityEvent.Type.LOGIN_REFUSED, now, null, from.value(),
                            "locked until " + until));
                    return Mono.<Void>error(new TooManyAttemptsException(Duration.between(now, until)));
                });
    }

    /**
     * A password check failed: counts it against the account and the address, and records a lockout when this
     * failure starts one.
     */
    public Mono<Void> failed(EmailAddress account, TenantId tenant, ClientAddress from, Instant now) {
        Mono<Void> perAccount = count(accountKey(account), limits.perAccount(), now)
                .doOnNext(wait -> events.record(new SecurityEvent(SecurityEvent.Type.LOCKOUT, now, tenant,
                        from.value(), "account locked for " + wait.toSeconds() + " s")))
                .then();
        Mono<Void> perAddress = from.equals(ClientAddress.INTERNAL) ? Mono.empty()
                : count(addressKey(from), limits.perAddress(), now)
                        .doOnNext(wait -> events.record(new SecurityEvent(SecurityEvent.Type.LOCKOUT, now, null,
                                from.value(), "address locked for " + wait.toSeconds() + " s")))
                        .then();
        return perAccount.then(perAddress);
    }

    /** The account proved its password: its failures are forgotten (the address's are not). */
    public Mono<Void> succeeded(EmailAddress account) {
        return counters.reset(accountKey(account));
    }

    /** The account's password was reset by e-mail: its failures and any lock are forgotten. */
    public Mono<Void> clear(EmailAddress account) {
        return counters.reset(accountKey(account));
    }

    /**
     * Lets a sign-up through, or refuses it when the address signed up too often in the current window.
     *
     * @return empty when it may go on; errors with {@link TooManyAttemptsException} otherwise
     */
    public Mono<Void> admitSignUp(ClientAddress from, Instant now) {
        return admit("sign-up", limits.signUpsPerAddress(), from, now);
    }

    /**
     * Lets a password-reset request through, or refuses it when the address asked too often in the current window,
     * whichever accounts it named.
     *
     * @return empty when it may go on; errors with {@link TooManyAttemptsException} otherwise
     */
    public Mono<Void> admitResetRequest(ClientAddress from, Instant now) {
        return admit("reset", limits.resetsPerAddress(), from, now);
    }

    private Mono<Void> admit(String kind, RateLimit limit, ClientAddress from, Instant now) {
        String remembered = kind + ":" + from.value();
        Optional<Instant> known = refusals.refusedUntil(remembered, now);
        if (known.isPresent()) {
            return Mono.error(new TooManyAttemptsException(Duration.between(now, known.get())));
        }
        return withinRate(kind + "-rate:", limit, from, remembered, now);
    }

    private Mono<Void> withinRate(String prefix, RateLimit limit, ClientAddress from, String remembered,
            Instant now) {
        if (from.equals(ClientAddress.INTERNAL)) {
            return Mono.empty();
        }
        Instant windowEnd = limit.windowEnd(now);
        String key = prefix + from.value() + "@" + limit.windowStart(now).getEpochSecond();
        return counters.increment(key, now, windowEnd)
                .filter(attempts -> limit.exceededBy(attempts.count()))
                .flatMap(attempts -> {
                    if (attempts.count() == limit.max() + 1) {
                        // Once per window, so that a flood does not flood the log too.
                        events.record(new SecurityEvent(SecurityEvent.Type.RATE_LIMITED, now, null, from.value(),
                                prefix.substring(0, prefix.length() - 1)));
                    }
                    refusals.remember(remembered, windowEnd, now);
                    return Mono.error(new TooManyAttemptsException(Duration.between(now, windowEnd)));
                });
    }

    private Mono<Instant> lockedUntil(String key, BruteForcePolicy policy, Instant now) {
        return counters.find(key, now).flatMap(failures -> Mono.justOrEmpty(policy.lockedUntil(failures, now)));
    }

    /** Counts a failure; emits the wait it imposes, if any. */
    private Mono<Duration> count(String key, BruteForcePolicy policy, Instant now) {
        return counters.increment(key, now, now.plus(policy.forgetAfter()))
                .map(Attempts::count)
                .flatMap(count -> Mono.justOrEmpty(policy.waitAfter(count)));
    }

    private static String accountKey(EmailAddress account) {
        return "login-failures:account:" + account.value();
    }

    private static String addressKey(ClientAddress from) {
        return "login-failures:address:" + from.value();
    }
}
