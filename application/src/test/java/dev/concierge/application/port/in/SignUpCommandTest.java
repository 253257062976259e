package dev.concierge.application.port.in;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.domain.shared.ValidationException;
import dev.concierge.domain.shared.Violation;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignUpCommandTest {

    @Test
    void validInputBecomesACommandWithNormalisedValues() {
        SignUpCommand command = SignUpCommand.of(" Owner@Bakery.Example ", "Sunrise42", " Corner Bakery ",
                "Corner-Bakery", List.of("HTTPS://Bakery.Example/"));

        assertThat(command.ownerEmail().value()).isEqualTo("owner@bakery.example");
        assertThat(command.password().reveal()).isEqualTo("Sunrise42");
        assertThat(command.displayName().value()).isEqualTo("Corner Bakery");
        assertThat(command.clientKey().value()).isEqualTo("corner-bakery");
        assertThat(command.allowedOrigins().values()).extracting(Object::toString).containsExactly("https://bakery.example");
    }

    @Test
    void keepsTheNamedTimeZoneOrDefaultsToUtc() {
        assertThat(SignUpCommand.of("owner@bakery.example", "Sunrise42", "Bakery", "bakery",
                List.of("https://bakery.example"), "America/New_York").timeZone()).isEqualTo(ZoneId.of("America/New_York"));
        assertThat(SignUpCommand.of("owner@bakery.example", "Sunrise42", "Bakery", "bakery",
                List.of("https://bakery.example"), null).timeZone()).isEqualTo(ZoneId.of("UTC"));
    }

    @Test
    void refusesTimeZonesThatAreNotIanaRegions() {
        for (String zone : new String[] {"Mars/Olympus", "+02:00", "GMT+2", "Etc/GMT-2", "CET", "europe/berlin"}) {
            assertThatThrownBy(() -> SignUpCommand.of("owner@bakery.example", "Sunrise42", "Bakery", "bakery",
                    List.of("https://bakery.example"), zone))
                    .as(zone)
                    .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                            .extracting(Violation::field).containsExactly("timeZone"));
        }
    }

    @Test
    void namesEveryInvalidField() {
        assertThatThrownBy(() -> SignUpCommand.of("not-an-email", "weak", " ", "x", List.of("https://shop.example/path")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field)
                        .containsExactly("ownerEmail", "password", "displayName", "clientKey", "allowedOrigins"));
    }

    @Test
    void namesEveryMissingField() {
        assertThatThrownBy(() -> SignUpCommand.of(null, null, null, null, null))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .allSatisfy(violation -> assertThat(violation.message()).isEqualTo("is required"))
                        .extracting(Violation::field)
                        .containsExactly("ownerEmail", "password", "displayName", "clientKey", "allowedOrigins"));
    }

    @Test
    void requiresAtLeastOneOrigin() {
        assertThatThrownBy(() -> SignUpCommand.of("owner@bakery.example", "Sunrise42", "Bakery", "bakery", List.of()))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("allowedOrigins",
                                "must list at least one origin, such as https://shop.example")));
    }

    @Test
    void aMissingOriginEntryIsNamedByPosition() {
        assertThatThrownBy(() -> SignUpCommand.of("owner@bakery.example", "Sunrise42", "Bakery", "bakery",
                Arrays.asList("https://bakery.example", null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .singleElement()
                        .satisfies(violation -> {
                            assertThat(violation.field()).isEqualTo("allowedOrigins");
                            assertThat(violation.message()).startsWith("[1]");
                        }));
    }

    @Test
    void invisibleCharactersInTheNameAreNamed() {
        assertThatThrownBy(() -> SignUpCommand.of("owner@bakery.example", "Sunrise42", "Bakery\u202Etxt.exe", "bakery",
                List.of("https://bakery.example")))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::field).containsExactly("displayName"));
    }
}
