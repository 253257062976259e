package dev.concierge.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.ClientKeyTakenException;
import dev.concierge.domain.tenant.OwnerEmailTakenException;
import dev.concierge.domain.tenant.TenantNotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

class DomainExceptionTest {

    @Test
    void everyFailureSaysWhatKindItIs() {
        assertThat(new InvalidValueException("must be blue").kind()).isEqualTo(DomainException.Kind.INVALID_INPUT);
        assertThat(new ValidationException(List.of(new Violation("colour", "must be blue"))).kind())
                .isEqualTo(DomainException.Kind.INVALID_INPUT);
        assertThat(new ClientKeyTakenException(ClientKey.of("bakery")).kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(new OwnerEmailTakenException().kind()).isEqualTo(DomainException.Kind.CONFLICT);
        assertThat(new TenantNotFoundException("with client key 'x'").kind()).isEqualTo(DomainException.Kind.NOT_FOUND);
    }

    @Test
    void conflictsNameTheFieldThatClashes() {
        assertThat(new ClientKeyTakenException(ClientKey.of("bakery")).violations())
                .extracting(Violation::field).containsExactly("clientKey");
        assertThat(new OwnerEmailTakenException().violations()).extracting(Violation::field).containsExactly("ownerEmail");
        assertThat(new TenantNotFoundException("with id 1").violations()).isEmpty();
    }

    @Test
    void validationNamesEveryField() {
        List<Violation> violations = List.of(new Violation("a", "is required"), new Violation("b", "is required"));
        assertThat(new ValidationException(violations).violations()).isEqualTo(violations);
    }
}
