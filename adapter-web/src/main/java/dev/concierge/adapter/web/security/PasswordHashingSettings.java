package dev.concierge.adapter.web.security;

/**
 * How owner passwords are hashed. The host application registers one as a bean; without one,
 * {@link #defaults()} apply.
 *
 * <p>Hashing runs on a pool of its own: {@code threads} hashes at once, {@code queueCapacity} more waiting, and any
 * call beyond that is refused at once rather than queued without limit.
 *
 * @param bcryptStrength bcrypt's cost factor, 4 to 31; each step doubles the time a hash takes
 * @param threads        how many hashes run at once, at least 1; by default half the processors (at least one), so
 *                       that hashing never takes every core from the event loop
 * @param queueCapacity  how many hashes may wait for a thread, at least 1; by default {@value #QUEUE_PER_THREAD} per
 *                       thread
 */
public record PasswordHashingSettings(int bcryptStrength, int threads, int queueCapacity) {

    /** How many waiting hashes the default queue holds for each thread. */
    public static final int QUEUE_PER_THREAD = 8;

    public PasswordHashingSettings {
        if (bcryptStrength < 4 || bcryptStrength > 31) {
            throw new IllegalArgumentException("bcrypt strength must be between 4 and 31, was " + bcryptStrength);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("password hashing needs at least one thread, was " + threads);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("the password hashing queue holds at least one hash, was "
                    + queueCapacity);
        }
    }

    /**
     * The given strength, with the default pool: {@link #defaultThreads()} threads, {@value #QUEUE_PER_THREAD}
     * waiting per thread.
     */
    public PasswordHashingSettings(int bcryptStrength) {
        this(bcryptStrength, defaultThreads(), defaultThreads() * QUEUE_PER_THREAD);
    }

    /** Strength {@value BcryptPasswordHasher#DEFAULT_STRENGTH}, with the default pool. */
    public static PasswordHashingSettings defaults() {
        return new PasswordHashingSettings(BcryptPasswordHasher.DEFAULT_STRENGTH);
    }

    /** @return half the processors this JVM may use, at least one */
    public static int defaultThreads() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
    }
}
