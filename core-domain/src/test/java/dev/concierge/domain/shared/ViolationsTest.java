package dev.concierge.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.EmailAddress;
import org.junit.jupiter.api.Test;

class ViolationsTest {

    @Test
    void reportsEveryInvalidFieldByName() {
        Violations violations = new Violations();
        violations.field("ownerEmail", "not-an-email", EmailAddress::of);
        violations.field("clientKey", null, ClientKey::of);
        ClientKey fine = violations.field("other", "bakery", ClientKey::of);

        assertThat(fine).isEqualTo(new ClientKey("bakery"));
        assertThatThrownBy(violations::throwIfAny)
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations()).containsExactly(
                        new Violation("ownerEmail", "must be a valid e-mail address"),
                        new Violation("clientKey", "is required")));
    }

    @Test
    void staysQuietWhenEverythingIsValid() {
        Violations violations = new Violations();
        ClientKey key = violations.field("clientKey", "bakery", ClientKey::of);

        assertThatCode(violations::throwIfAny).doesNotThrowAnyException();
        assertThat(key).isEqualTo(new ClientKey("bakery"));
    }
}
