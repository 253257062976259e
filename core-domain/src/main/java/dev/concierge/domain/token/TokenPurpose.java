package dev.concierge.domain.token;

import java.time.Duration;

/**
 * What a one-time token may be used for, and for how long. A token is good for its own purpose only: a reset token
 * does not verify an address.
 */
public enum TokenPurpose {

    /** Choosing a new password after "forgot password". */
    PASSWORD_RESET(Duration.ofHours(1)),
    /** Proving that an owner's e-mail address is theirs. */
    EMAIL_VERIFICATION(Duration.ofHours(24));

    private final Duration lifetime;

    TokenPurpose(Duration lifetime) {
        this.lifetime = lifetime;
    }

    /** How long a token of this purpose is valid after it was issued. */
    public Duration lifetime() {
        return lifetime;
    }
}
