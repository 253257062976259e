package dev.concierge.adapter.persistence.usage;

import dev.concierge.adapter.persistence.support.Dialect;
import dev.concierge.application.port.out.UsageCounters;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@link UsageCounters} in a relational database (PostgreSQL or H2) through R2DBC, one row of {@code usage_counter} a
 * key.
 *
 * <p>An addition is one statement that inserts the sum or, if it exists, adds to it (or starts it over, if it had
 * expired) and returns the sum it wrote, so concurrent additions on any number of instances are serialised by the
 * row's lock and none is lost. The statement differs by database: PostgreSQL's {@code INSERT ... ON CONFLICT DO
 * UPDATE} cannot fail on a concurrent insert; H2's {@code MERGE} can, when two statements both found no sum, and is
 * then run again, finding the other's. Purging deletes through the index on {@code expires_at}.
 *
 * <p>Statements run on the connection of a surrounding transaction on the same connection factory, if there is one,
 * so an addition commits or rolls back with the caller's other writes.
 */
public final class R2dbcUsageCounters implements UsageCounters {

    private static final String POSTGRESQL_ADD = "INSERT INTO usage_counter AS c (counter_key, amount, expires_at)"
            + " VALUES (:key, :amount, :expiresAt)"
            + " ON CONFLICT (counter_key) DO UPDATE SET"
            + " amount = CASE WHEN c.expires_at <= :now THEN EXCLUDED.amount ELSE c.amount + EXCLUDED.amount END,"
            + " expires_at = CASE WHEN c.expires_at <= :now THEN EXCLUDED.expires_at ELSE c.expires_at END"
            + " RETURNING amount";
    private static final String H2_ADD = "SELECT amount FROM FINAL TABLE (MERGE INTO usage_counter c USING"
            + " (VALUES (CAST(:key AS varchar), CAST(:amount AS bigint), CAST(:now AS timestamp with time zone),"
            + " CAST(:expiresAt AS timestamp with time zone))) AS a (counter_key, amount, added_at, expires_at)"
            + " ON c.counter_key = a.counter_key"
            + " WHEN MATCHED THEN UPDATE SET"
            + " amount = CASE WHEN c.expires_at <= a.added_at THEN a.amount ELSE c.amount + a.amount END,"
            + " expires_at = CASE WHEN c.expires_at <= a.added_at THEN a.expires_at ELSE c.expires_at END"
            + " WHEN NOT MATCHED THEN INSERT (counter_key, amount, expires_at)"
            + " VALUES (a.counter_key, a.amount, a.expires_at))";
    private static final String FIND = "SELECT amount FROM usage_counter WHERE counter_key = :key AND expires_at > :now";
    /** Compares the indexed column itself with the bound instant, so that the database can range-scan the index. */
    static final String PURGE_EXPIRED = "DELETE FROM usage_counter WHERE expires_at <= :now";
    /**
     * How often H2's addition is run again after finding, too late, that another one inserted the sum. Once is enough
     * unless the sum is also purged in between; the bound only keeps a fault from looping.
     */
    private static final int MAX_RETRIES = 10;

    private final DatabaseClient database;
    private final String add;

    /**
     * @param database runs the statements; its connection factory decides the SQL spoken (PostgreSQL or H2)
     */
    public R2dbcUsageCounters(DatabaseClient database) {
        this.database = Objects.requireNonNull(database, "database");
        this.add = switch (Dialect.of(database.getConnectionFactory())) {
            case POSTGRESQL -> POSTGRESQL_ADD;
            case H2 -> H2_ADD;
        };
    }

    /**
     * Sums in the database behind {@code connectionFactory}. Its statements find the connection of a surrounding
     * transaction on the same connection factory, so they join a transaction that a caller already started.
     */
    public static R2dbcUsageCounters using(ConnectionFactory connectionFactory) {
        return new R2dbcUsageCounters(DatabaseClient.create(connectionFactory));
    }

    @Override
    public Mono<Long> add(String key, long amount, Instant now, Instant expiresAt) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(expiresAt, "expiresAt");
        return withKey(key, () -> amount < 0
                ? Mono.error(new IllegalArgumentException("a usage amount is 0 or more, was " + amount))
                : database.sql(add)
                        .bind("key", key)
                        .bind("amount", amount)
                        .bind("now", utc(now))
                        .bind("expiresAt", utc(expiresAt))
                        .map(row -> row.get("amount", Long.class))
                        .one()
                        .retryWhen(Retry.max(MAX_RETRIES).filter(DuplicateKeyException.class::isInstance)));
    }

    @Override
    public Mono<Long> find(String key, Instant now) {
        Objects.requireNonNull(now, "now");
        return withKey(key, () -> database.sql(FIND)
                .bind("key", key)
                .bind("now", utc(now))
                .map(row -> row.get("amount", Long.class))
                .one()
                .defaultIfEmpty(0L));
    }

    @Override
    public Mono<Long> purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return database.sql(PURGE_EXPIRED)
                .bind("now", utc(now))
                .fetch()
                .rowsUpdated();
    }

    /** {@code work}, or the key rule's {@link IllegalArgumentException} as an error signal, before any statement. */
    private static <T> Mono<T> withKey(String key, Supplier<Mono<T>> work) {
        return Mono.defer(() -> {
            if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
                return Mono.error(new IllegalArgumentException(
                        "a usage counter key is 1 to " + MAX_KEY_LENGTH + " characters"));
            }
            return work.get();
        });
    }

    /** The instant in UTC, to the microsecond both databases keep (cut, where they would round). */
    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }
}
