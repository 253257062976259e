package dev.concierge.adapter.web.security;

import dev.concierge.application.port.out.PasswordHasher;
import dev.concierge.domain.account.PasswordCandidate;
import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.PlainPassword;
import java.security.SecureRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.crypto.bcrypt.BCrypt;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * bcrypt with a configurable cost (12 in production, about a quarter of a second per hash). Hashing and checking
 * run on a pool of their own, never on the event loop: a fixed number of daemon threads named {@code bcrypt-N} and a
 * bounded queue, as the {@link PasswordHashingSettings} say. When both are full, a call's {@code Mono} fails at once
 * with {@link java.util.concurrent.RejectedExecutionException}. {@link #close()} stops the pool: work already
 * accepted still finishes, later calls are refused the same way.
 */
public final class BcryptPasswordHasher implements PasswordHasher, AutoCloseable {

    public static final int DEFAULT_STRENGTH = 12;

    private final int strength;
    private final SecureRandom random = new SecureRandom();
    private final ThreadPoolExecutor pool;
    private final Scheduler scheduler;

    public BcryptPasswordHasher(PasswordHashingSettings settings) {
        this(settings.bcryptStrength(), boundedPool(settings.threads(), settings.queueCapacity()));
    }

    /** For tests that need to hold the pool's threads; the hasher owns the pool and shuts it down on close. */
    BcryptPasswordHasher(int strength, ThreadPoolExecutor pool) {
        if (strength < 4 || strength > 31) {
            throw new IllegalArgumentException("bcrypt strength must be between 4 and 31, was " + strength);
        }
        this.strength = strength;
        this.pool = pool;
        this.scheduler = Schedulers.fromExecutorService(pool, "bcrypt");
    }

    /** {@code threads} daemon threads named {@code bcrypt-1} and on, with room for {@code queueCapacity} waiting. */
    static ThreadPoolExecutor boundedPool(int threads, int queueCapacity) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = task -> {
            Thread thread = new Thread(task, "bcrypt-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(queueCapacity), factory, new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public Mono<PasswordHash> hash(PlainPassword password) {
        return Mono.fromCallable(() -> new PasswordHash(BCrypt.hashpw(password.reveal(), BCrypt.gensalt(strength, random))))
                .subscribeOn(scheduler);
    }

    @Override
    public Mono<Boolean> matches(PasswordCandidate candidate, PasswordHash hash) {
        return Mono.fromCallable(() -> {
            try {
                return BCrypt.checkpw(candidate.reveal(), hash.value());
            } catch (IllegalArgumentException malformedHash) {
                return false;
            }
        }).subscribeOn(scheduler);
    }

    /** Stops taking work; what is running or waiting still finishes. The threads end then. */
    @Override
    public void close() {
        pool.shutdown();
    }
}
