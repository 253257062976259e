package dev.concierge.application.port.in;

import dev.concierge.domain.shared.Violations;
import dev.concierge.domain.tenant.AllowedOrigins;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.DisplayName;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.PlainPassword;
import dev.concierge.domain.tenant.TimeZones;
import java.time.ZoneId;
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
        AllowedOrigins allowedOrigins,
        ZoneId timeZone) {

    public SignUpCommand {
        Objects.requireNonNull(ownerEmail, "ownerEmail");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(clientKey, "clientKey");
        Objects.requireNonNull(allowedOrigins, "allowedOrigins");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    /** Validates raw input as {@link #of(String, String, String, String, List, String)} does, in the default zone. */
    public static SignUpCommand of(String ownerEmail, String password, String displayName, String clientKey,
            List<String> allowedOrigins) {
        return of(ownerEmail, password, displayName, clientKey, allowedOrigins, null);
    }

    /**
     * Validates raw input field by field.
     *
     * @param timeZone an IANA time zone for the tenant's calendar, or {@code null} for {@link TimeZones#DEFAULT}
     * @throws dev.concierge.domain.shared.ValidationException naming every invalid field ({@code ownerEmail},
     *         {@code password}, {@code displayName}, {@code clientKey}, {@code allowedOrigins}, {@code timeZone})
     */
    public static SignUpCommand of(String ownerEmail, String password, String displayName, String clientKey,
            List<String> allowedOrigins, String timeZone) {
        Violations violations = new Violations();
        EmailAddress email = violations.field("ownerEmail", ownerEmail, EmailAddress::of);
        PlainPassword plainPassword = violations.field("password", password, PlainPassword::of);
        DisplayName name = violations.field("displayName", displayName, DisplayName::of);
        ClientKey key = violations.field("clientKey", clientKey, ClientKey::of);
        AllowedOrigins origins = violations.field("allowedOrigins", allowedOrigins, AllowedOrigins::parse);
        if (origins != null && origins.values().isEmpty()) {
            violations.add("allowedOrigins", "must list at least one origin, such as https://shop.example");
        }
        ZoneId zone = violations.attempt("timeZone", () -> TimeZones.parseOrDefault(timeZone));
        violations.throwIfAny();
        return new SignUpCommand(email, plainPassword, name, key, origins, zone);
    }
}
