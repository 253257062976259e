package dev.concierge.application.port.in;

import dev.concierge.domain.account.PasswordCandidate;
import dev.concierge.domain.shared.Violations;
import dev.concierge.domain.tenant.PlainPassword;
import java.util.Objects;

/**
 * A signed-in owner replaces their password, confirming with the current one.
 */
public record ChangePasswordCommand(PasswordCandidate currentPassword, PlainPassword newPassword) {

    public ChangePasswordCommand {
        Objects.requireNonNull(currentPassword, "currentPassword");
        Objects.requireNonNull(newPassword, "newPassword");
    }

    /**
     * @throws dev.concierge.domain.shared.ValidationException naming every invalid field ({@code currentPassword},
     *         {@code newPassword}, which must meet the password policy)
     */
    public static ChangePasswordCommand of(String currentPassword, String newPassword) {
        Violations violations = new Violations();
        PasswordCandidate current = violations.field("currentPassword", currentPassword, PasswordCandidate::of);
        PlainPassword next = violations.field("newPassword", newPassword, PlainPassword::of);
        violations.throwIfAny();
        return new ChangePasswordCommand(current, next);
    }
}
