package dev.concierge.domain.booking;

import dev.concierge.domain.shared.InvalidValueException;
import dev.concierge.domain.shared.Text;
import dev.concierge.domain.shared.Violations;
import dev.concierge.domain.tenant.EmailAddress;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Who booked, as they typed it on the booking form: a name and an e-mail address, optionally a phone number and a
 * note. Everything here came from the public internet: it is bounded here and escaped wherever it is shown.
 *
 * @param phone {@code null} when not given
 * @param notes {@code null} when not given
 */
public record Visitor(String name, EmailAddress email, String phone, String notes) {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_PHONE_LENGTH = 30;
    public static final int MAX_NOTES_LENGTH = 1000;

    private static final Pattern PHONE = Pattern.compile("\\+?[0-9][0-9 ()/.-]{3,29}");

    public Visitor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(email, "email");
    }

    /**
     * @throws dev.concierge.domain.shared.ValidationException naming {@code name}, {@code email}, {@code phone} or
     *         {@code notes} when invalid
     */
    public static Visitor of(String name, String email, String phone, String notes) {
        Violations violations = new Violations();
        String validName = violations.field("name", name, raw -> Text.require(raw, MAX_NAME_LENGTH, false));
        EmailAddress validEmail = violations.field("email", email, EmailAddress::of);
        String validPhone = blank(phone) ? null : violations.field("phone", phone, Visitor::requirePhone);
        String validNotes = blank(notes) ? null
                : violations.field("notes", notes, raw -> Text.require(raw, MAX_NOTES_LENGTH, true));
        violations.throwIfAny();
        return new Visitor(validName, validEmail, validPhone, validNotes);
    }

    private static String requirePhone(String raw) {
        String phone = raw.strip();
        if (!PHONE.matcher(phone).matches()) {
            throw new InvalidValueException("must be a phone number of digits, spaces and + ( ) / . -, at most "
                    + MAX_PHONE_LENGTH + " characters");
        }
        return phone;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
