package dev.concierge.adapter.persistence.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.r2dbc.spi.R2dbcDataIntegrityViolationException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

class ConstraintViolationsTest {

    private static final List<String> NAMES = List.of("uq_tenant_client_key", "uq_tenant_owner_email");

    @Test
    void recognisesPostgresqlMessageWrappedBySpring() {
        Throwable error = new DuplicateKeyException("executing INSERT", new R2dbcDataIntegrityViolationException(
                "duplicate key value violates unique constraint \"uq_tenant_owner_email\"", "23505"));

        assertThat(ConstraintViolations.violated(error, NAMES)).contains("uq_tenant_owner_email");
    }

    @Test
    void recognisesH2IndexNameInUpperCase() {
        Throwable error = new R2dbcDataIntegrityViolationException("Unique index or primary key violation: "
                + "\"PUBLIC.UQ_TENANT_CLIENT_KEY_INDEX_9 ON PUBLIC.TENANT(CLIENT_KEY NULLS FIRST) VALUES ( /* 1 */ 'bakery' )\"",
                "23505");

        assertThat(ConstraintViolations.violated(error, NAMES)).contains("uq_tenant_client_key");
    }

    @Test
    void takesTheConstraintNamedFirstNotOneQuotedInTheValues() {
        Throwable error = new R2dbcDataIntegrityViolationException("Unique index or primary key violation: "
                + "\"PUBLIC.UQ_TENANT_OWNER_EMAIL_INDEX_9 ON PUBLIC.TENANT(OWNER_EMAIL NULLS FIRST) VALUES"
                + " ( /* 1 */ 'uq_tenant_client_key@trap.example' )\"", "23505");

        assertThat(ConstraintViolations.violated(error, NAMES)).contains("uq_tenant_owner_email");
    }

    @Test
    void ignoresNamesThatAreOnlyPartOfALongerIdentifier() {
        Throwable error = new DataIntegrityViolationException(
                "duplicate key value violates unique constraint \"uq_tenant_client_key_lower\"");

        assertThat(ConstraintViolations.violated(error, NAMES)).isEmpty();
    }

    @Test
    void ignoresFailuresThatAreNoIntegrityViolation() {
        Throwable error = new R2dbcNonTransientResourceException("connection lost while checking uq_tenant_client_key");

        assertThat(ConstraintViolations.violated(error, NAMES)).isEmpty();
    }

    @Test
    void ignoresOtherConstraints() {
        Throwable error = new R2dbcDataIntegrityViolationException(
                "duplicate key value violates unique constraint \"pk_tenant\"", "23505");

        assertThat(ConstraintViolations.violated(error, NAMES)).isEmpty();
    }
}
