package dev.concierge.application.port.in;

import dev.concierge.domain.shared.Violations;
import dev.concierge.domain.tenant.AllowedOrigins;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.DisplayName;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.PlainPassword;
import java.util.List;
import java.util.Objects;

/**
 * Everything a business states when it signs up, already validated.
 */
public record SignUpCommand(
        EmailAddress ownerEmail,
        PlainPassword password,
        DisplayName displayName,
        ClientKey clientKey,
        AllowedOrigins allowedOrigins) {

    public SignUpCommand {
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(allowedOrigins, "allowedOrigins");
    }

    /**
     * Validates raw input field by field.
     *
     * @throws dev.concierge.domain.shared.ValidationException naming every invalid field ({@code ownerEmail},
     *         {@code password}, {@code displayName}, {@code clientKey}, {@code allowedOrigins})
     */
    public static SignUpCommand of(String ownerEmail, String password, String displayName, String clientKey,
            List<String> allowedOrigins) {
        Violations violations = new Violations();
        EmailAddress email = violations.field("ownerEmail", ownerEmail, EmailAddress::of);
        PlainPassword plainPassword = violations.field("password", password, PlainPassword::of);
        DisplayName name = violations.field("displayName", displayName, DisplayName::of);
        ClientKey key = violations.field("clientKey", clientKey, ClientKey::of);
        AllowedOrigins origins = violations.field("allowedOrigins", allowedOrigins, AllowedOrigins::parse);
        if (origins != null && origins.values().isEmpty()) {
            violations.add("allowedOrigins", "must list at least one origin, such as https://shop.example");
        }
        violations.throwIfAny();
        return new SignUpCommand(email, plainPassword, name, key, origins);
    }
}
