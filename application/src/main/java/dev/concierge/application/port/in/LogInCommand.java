package dev.concierge.application.port.in;

import dev.concierge.domain.account.PasswordCandidate;
import dev.concierge.domain.shared.Violations;
import dev.concierge.domain.tenant.EmailAddress;
import java.util.Objects;

/**
 * Someone signs in with an e-mail address and a password, from an address.
 */
public record LogInCommand(EmailAddress email, PasswordCandidate password, ClientAddress from) {

    public LogInCommand {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(from, "from");
    }

    /**
     * @throws dev.concierge.domain.shared.ValidationException naming every invalid field ({@code email},
     *         {@code password})
     */
    public static LogInCommand of(String email, String password, ClientAddress from) {
        Violations violations = new Violations();
        EmailAddress address = violations.field("email", email, EmailAddress::of);
        PasswordCandidate candidate = violations.field("password", password, PasswordCandidate::of);
        violations.throwIfAny();
        return new LogInCommand(address, candidate, from);
    }
}
