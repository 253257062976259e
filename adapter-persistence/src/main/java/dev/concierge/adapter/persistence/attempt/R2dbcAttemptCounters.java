package dev.concierge.adapter.persistence.attempt;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import dev.concierge.adapter.persistence.support.EntityTemplates;
import dev.concierge.application.port.out.AttemptCounters;
import dev.concierge.domain.account.Attempts;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.r2dbc.convert.R2dbcConverter;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@link AttemptCounters} in a relational database (PostgreSQL or H2) through R2DBC, one row a counter
 * ({@link AttemptCounterRow}).
 *
 * <p>An increment is one statement that inserts the counter or, if it exists, counts on from the stored count (or
 * from 1 if it had expired) and returns the row it wrote, so concurrent increments on any number of instances are
 * serialised by the row's lock and none is lost. The statement differs by database: PostgreSQL's
 * {@code INSERT ... ON CONFLICT DO UPDATE} cannot fail on a concurrent insert; H2's {@code MERGE} can, when two
 * statements both found no counter, and is then run again, finding the other's. Purging deletes through the index
 * on {@code expires_at}.
 *
 * <p>Statements run on the connection of a surrounding transaction on the same connection factory, if there is one,
 * so an increment commits or rolls back with the caller's other writes.
 */
public final class R2dbcAttemptCounters implements AttemptCounters {

    private static final String POSTGRESQL_INCREMENT = "INSERT INTO attempt_counter AS c"
            + " (counter_key, attempts, last_attempt_at, expires_at) VALUES (:key, 1, :now, :expiresAt)"
            + " ON CONFLICT (counter_key) DO UPDATE SET"
            + " attempts = CASE WHEN c.expires_at <= EXCLUDED.last_attempt_at THEN 1 ELSE c.attempts + 1 END,"
            + " last_attempt_at = EXCLUDED.last_attempt_at, expires_at = EXCLUDED.expires_at"
            + " RETURNING *";
    private static final String H2_INCREMENT = "SELECT * FROM FINAL TABLE (MERGE INTO attempt_counter c USING"
            + " (VALUES (CAST(:key AS varchar), CAST(:now AS timestamp with time zone),"
            + " CAST(:expiresAt AS timestamp with time zone))) AS a (counter_key, attempted_at, expires_at)"
            + " ON c.counter_key = a.counter_key"
            + " WHEN MATCHED THEN UPDATE SET"
            + " attempts = CASE WHEN c.expires_at <= a.attempted_at THEN 1 ELSE c.attempts + 1 END,"
            + " last_attempt_at = a.attempted_at, expires_at = a.expires_at"
            + " WHEN NOT MATCHED THEN INSERT (counter_key, attempts, last_attempt_at, expires_at)"
            + " VALUES (a.counter_key, 1, a.attempted_at, a.expires_at))";
    /** Compares the indexed column itself with the bound instant, so that the database can range-scan the index. */
    static final String PURGE_EXPIRED = "DELETE FROM attempt_counter WHERE expires_at <= :now";
    /**
     * How often H2's increment is run again after finding, too late, that another one inserted the counter. Once is
     * enough unless the counter is also reset in between; the bound only keeps a fault from looping.
     */
    private static final int MAX_RETRIES = 10;

    private final R2dbcEntityTemplate template;
    private final String increment;

    /**
     * @param template maps and runs the statements; its connection factory decides the SQL spoken (PostgreSQL or H2)
     */
    public R2dbcAttemptCounters(R2dbcEntityTemplate template) {
        this.template = Objects.requireNonNull(template, "template");
        this.increment = incrementFor(template.getDatabaseClient().getConnectionFactory());
    }

    /**
     * Counters in the database behind {@code connectionFactory}, with a template of their own (its dialect found from
     * the connection factory). It finds the connection of a surrounding transaction on the same connection factory,
     * so these statements join a transaction that a caller already started.
     */
    public static R2dbcAttemptCounters using(ConnectionFactory connectionFactory) {
        return new R2dbcAttemptCounters(
                EntityTemplates.forConnectionFactory(connectionFactory, AttemptCounterRow.class));
    }

    @Override
    public Mono<Attempts> increment(String key, Instant now, Instant expiresAt) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(expiresAt, "expiresAt");
        R2dbcConverter converter = template.getConverter();
        return withKey(key, () -> template.getDatabaseClient().sql(increment)
                .bind("key", key)
                .bind("now", utc(now))
                .bind("expiresAt", utc(expiresAt))
                .map((row, metadata) -> converter.read(AttemptCounterRow.class, row, metadata).toAttempts())
                .one()
                .retryWhen(Retry.max(MAX_RETRIES).filter(DuplicateKeyException.class::isInstance)));
    }

    @Override
    public Mono<Attempts> find(String key, Instant now) {
        Objects.requireNonNull(now, "now");
        return withKey(key, () -> template.selectOne(
                        query(where("counter_key").is(key).and("expires_at").greaterThan(utc(now))),
                        AttemptCounterRow.class)
                .map(AttemptCounterRow::toAttempts));
    }

    @Override
    public Mono<Void> reset(String key) {
        return withKey(key, () -> template.delete(query(where("counter_key").is(key)), AttemptCounterRow.class).then());
    }

    @Override
    public Mono<Long> purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return template.getDatabaseClient().sql(PURGE_EXPIRED)
                .bind("now", utc(now))
                .fetch()
                .rowsUpdated();
    }

    /** {@code work}, or the key rule's {@link IllegalArgumentException} as an error signal, before any statement. */
    private static <T> Mono<T> withKey(String key, Supplier<Mono<T>> work) {
        return Mono.defer(() -> {
            if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
                return Mono.error(new IllegalArgumentException(
                        "a counter key is 1 to " + MAX_KEY_LENGTH + " characters"));
            }
            return work.get();
        });
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    private static String incrementFor(ConnectionFactory connectionFactory) {
        String database = connectionFactory.getMetadata().getName();
        return switch (database) {
            case "PostgreSQL" -> POSTGRESQL_INCREMENT;
            case "H2" -> H2_INCREMENT;
            default -> throw new IllegalArgumentException(
                    "attempt counters support PostgreSQL and H2, not " + database);
        };
    }
}
