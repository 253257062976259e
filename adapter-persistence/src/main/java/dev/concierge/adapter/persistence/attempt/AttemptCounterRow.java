package dev.concierge.adapter.persistence.attempt;

import dev.concierge.domain.account.Attempts;
import java.time.OffsetDateTime;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the {@code attempt_counter} table, mapped by Spring Data. Instants are held as {@link OffsetDateTime} in
 * UTC, as in the tenant rows.
 */
@Table("attempt_counter")
record AttemptCounterRow(@Id String counterKey, int attempts, OffsetDateTime lastAttemptAt, OffsetDateTime expiresAt) {

    Attempts toAttempts() {
        return new Attempts(attempts, lastAttemptAt.toInstant());
    }
}
