package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.InvalidValueException;
import dev.concierge.domain.shared.Text;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A password as typed by an owner, accepted only if it meets the password policy: at least 8 characters, an
 * upper-case letter and a digit. It must also fit in 72 UTF-8 bytes, the most bcrypt reads; a longer password would
 * be silently cut. Control characters (NUL included) and broken characters are refused: no keyboard types them, and
 * they would be cut or changed on the way through other systems. Never printed: {@link #toString()} hides the value.
 */
public final class PlainPassword {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_BYTES = 72;

    private final String value;

    private PlainPassword(String value) {
        this.value = value;
    }

    /**
     * Applies the password policy and names every rule the password breaks.
     *
     * @throws InvalidValueException if the password is missing or breaks a rule
     */
    public static PlainPassword of(String raw) {
        if (raw == null) {
            throw new InvalidValueException("is required");
        }
        Text.requireWellFormed(raw, false);
        List<String> broken = new ArrayList<>();
        if (raw.codePointCount(0, raw.length()) < MIN_LENGTH) {
            broken.add("be at least " + MIN_LENGTH + " characters long");
        }
        if (raw.codePoints().noneMatch(Character::isUpperCase)) {
            broken.add("contain an upper-case letter");
        }
        if (raw.codePoints().noneMatch(Character::isDigit)) {
            broken.add("contain a digit");
        }
        if (raw.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            broken.add("be at most " + MAX_BYTES + " bytes long");
        }
        if (!broken.isEmpty()) {
            throw new InvalidValueException("must " + String.join(", ", broken));
        }
        return new PlainPassword(raw);
    }

    /** The password itself, for the hasher only. */
    public String reveal() {
        return value;
    }

    @Override
    public String toString() {
        return "PlainPassword[hidden]";
    }
}
