package dev.concierge.adapter.web.security;

/**
 * How owner passwords are hashed. The host application registers one as a bean; without one,
 * {@link #defaults()} apply.
 *
 * @param bcryptStrength bcrypt's cost factor, 4 to 31; each step doubles the time a hash takes
 */
public record PasswordHashingSettings(int bcryptStrength) {

    public PasswordHashingSettings {
        if (bcryptStrength < 4 || bcryptStrength > 31) {
            throw new IllegalArgumentException("bcrypt strength must be between 4 and 31, was " + bcryptStrength);
        }
    }

    public static PasswordHashingSettings defaults() {
        return new PasswordHashingSettings(BcryptPasswordHasher.DEFAULT_STRENGTH);
    }
}
