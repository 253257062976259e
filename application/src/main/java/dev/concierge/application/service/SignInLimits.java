package dev.concierge.application.service;

import dev.concierge.domain.account.BruteForcePolicy;
import dev.concierge.domain.account.RateLimit;
import java.time.Duration;
import java.util.Objects;

/**
 * How hard password guessing and bcrypt abuse are made.
 *
 * @param perAccount        failed sign-ins of one account (whatever address they come from) before it is locked
 * @param perAddress        failed sign-ins from one client address (whatever accounts they try) before it is locked
 * @param loginsPerAddress  sign-in requests one client address may send, failed or not
 * @param signUpsPerAddress sign-ups one client address may send
 * @param resetsPerAddress  password-reset requests one client address may send, whatever accounts they name (each
 *                          account also gets at most {@link dev.concierge.domain.account.RollingLimit#PASSWORD_RESET_MAILS})
 */
public record SignInLimits(BruteForcePolicy perAccount, BruteForcePolicy perAddress, RateLimit loginsPerAddress,
        RateLimit signUpsPerAddress, RateLimit resetsPerAddress) {

    public SignInLimits {
        Objects.requireNonNull(perAccount, "perAccount");
        Objects.requireNonNull(perAddress, "perAddress");
        Objects.requireNonNull(loginsPerAddress, "loginsPerAddress");
        Objects.requireNonNull(signUpsPerAddress, "signUpsPerAddress");
        Objects.requireNonNull(resetsPerAddress, "resetsPerAddress");
    }

    /**
     * Five free failures per account, then waits from 30 seconds doubling to 15 minutes; twenty per address (an
     * office behind one address has several owners), same waits; 30 sign-in requests a minute, 10 sign-ups and 10
     * password-reset requests an hour per address. Failures are forgotten 12 hours after the last one.
     */
    public static SignInLimits defaults() {
        Duration forget = Duration.ofHours(12);
        return new SignInLimits(
                new BruteForcePolicy(5, Duration.ofSeconds(30), Duration.ofMinutes(15), forget),
                new BruteForcePolicy(20, Duration.ofSeconds(30), Duration.ofMinutes(15), forget),
                new RateLimit(30, Duration.ofMinutes(1)),
                new RateLimit(10, Duration.ofHours(1)),
                new RateLimit(10, Duration.ofHours(1)));
    }
}
