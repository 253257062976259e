package dev.concierge.adapter.persistence.limit;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A row of the {@code rolling_limit} table, mapped by Spring Data: the events under one key that may still count,
 * as epoch microseconds in ascending order separated by commas.
 *
 * @param version   moves on by one with every write, which names the version it read
 * @param expiresAt one window after the latest event, when none of them counts any more
 */
@Table("rolling_limit")
record RollingLimitRow(@Id String limitKey, String events, long version, OffsetDateTime expiresAt) {

    List<Instant> instants() {
        return Arrays.stream(events.split(",")).map(micros -> Instant.EPOCH.plus(Long.parseLong(micros),
                ChronoUnit.MICROS)).toList();
    }

    static String format(List<Instant> instants) {
        return instants.stream().map(at -> String.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, at)))
                .collect(Collectors.joining(","));
    }
}
