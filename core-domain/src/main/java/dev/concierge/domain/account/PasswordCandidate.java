package dev.concierge.domain.account;

import dev.concierge.domain.shared.InvalidValueException;
import dev.concierge.domain.shared.Text;
import java.nio.charset.StandardCharsets;

/**
 * A password someone typed to prove who they are, before it is checked. Unlike a new password it need not meet the
 * password policy (it is compared, not chosen), but it must fit in the 72 UTF-8 bytes bcrypt reads: a longer one
 * would be compared cut short, so it is refused rather than truncated. Never printed: {@link #toString()} hides it.
 */
public final class PasswordCandidate {

    /** The most bcrypt reads. */
    public static final int MAX_BYTES = 72;

    private final String value;

    private PasswordCandidate(String value) {
        this.value = value;
    }

    /**
     * @throws InvalidValueException if the password is missing, empty, longer than {@value #MAX_BYTES} UTF-8 bytes,
     *         or holds control characters or broken characters
     */
    public static PasswordCandidate of(String raw) {
        if (raw == null) {
            throw new InvalidValueException("is required");
        }
        if (raw.isEmpty()) {
            throw new InvalidValueException("must not be empty");
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            throw new InvalidValueException("must be at most " + MAX_BYTES + " bytes long");
        }
        Text.requireWellFormed(raw, false);
        return new PasswordCandidate(raw);
    }

    /** The password itself, for the hasher only. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "PasswordCandidate[hidden]";
    }
}
