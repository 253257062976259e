package dev.concierge.adapter.persistence.limit;

import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import dev.concierge.adapter.persistence.support.Dialect;
import dev.concierge.adapter.persistence.support.EntityTemplates;
import dev.concierge.application.port.out.RollingLimits;
import dev.concierge.domain.account.RollingLimit;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@link RollingLimits} in a relational database (PostgreSQL or H2) through R2DBC, one row a key
 * ({@link RollingLimitRow}) holding the instants of its events that may still count.
 *
 * <p>An acquisition reads the key's row, decides in Java, and writes only if the row is as it read it: an update names
 * the version it read, an insert of a new key meets any concurrent insert without failing (see
 * {@link Dialect#insertUnlessPresent}). A write that finds the row changed changes nothing and the acquisition starts
 * over from a fresh read, so concurrent acquisitions on any number of instances are decided one after another and
 * exactly as many succeed as fit. The SQL is the same on both databases apart from that insert; no statement fails on
 * the way, so the acquisition also works inside a surrounding transaction on PostgreSQL. Events are kept to the
 * microsecond, as the database keeps every other instant.
 *
 * <p>An event stamped after {@code now} (by an instance whose clock is ahead) still counts: it did happen.
 *
 * <p>Statements run on the connection of a surrounding transaction on the same connection factory, if there is one,
 * so an acquisition commits or rolls back with the caller's other writes.
 */
public final class R2dbcRollingLimits implements RollingLimits {

    private static final String INSERT = "INSERT INTO rolling_limit (limit_key, events, version, expires_at)"
            + " VALUES (:key, :events, 0, :expiresAt)";
    private static final String UPDATE = "UPDATE rolling_limit SET events = :events, version = version + 1,"
            + " expires_at = :expiresAt WHERE limit_key = :key AND version = :version";
    /** Compares the indexed column itself with the bound instant, so that the database can range-scan the index. */
    static final String PURGE_EXPIRED = "DELETE FROM rolling_limit WHERE expires_at <= :now";
    /**
     * How often an acquisition starts over after another one came first. Each round some acquisition succeeds or the
     * limit is reached, so this bounds the contenders for one key, far beyond any real one; it only keeps a fault from
     * looping.
     */
    private static final int MAX_ROUNDS = 1_000;

    private final R2dbcEntityTemplate template;
    private final Dialect dialect;

    /**
     * @param template maps and runs the statements; its connection factory decides the SQL spoken (PostgreSQL or H2)
     */
    public R2dbcRollingLimits(R2dbcEntityTemplate template) {
        this.template = Objects.requireNonNull(template, "template");
        this.dialect = Dialect.of(template.getDatabaseClient().getConnectionFactory());
    }

    /**
     * Limits in the database behind {@code connectionFactory}, with a template of their own. It finds the connection
     * of a surrounding transaction on the same connection factory, so these statements join a transaction that a
     * caller already started.
     */
    public static R2dbcRollingLimits using(ConnectionFactory connectionFactory) {
        return new R2dbcRollingLimits(EntityTemplates.forConnectionFactory(connectionFactory, RollingLimitRow.class));
    }

    @Override
    public Mono<Boolean> tryAcquire(String key, RollingLimit limit, Instant now) {
        Objects.requireNonNull(limit, "limit");
        Objects.requireNonNull(now, "now");
        Instant event = now.truncatedTo(ChronoUnit.MICROS);
        return Mono.defer(() -> {
            if (key == null || key.isBlank() || key.length() > MAX_KEY_LENGTH) {
                return Mono.error(new IllegalArgumentException(
                        "a rolling-limit key is 1 to " + MAX_KEY_LENGTH + " characters"));
            }
            return template.selectOne(query(where("limit_key").is(key)), RollingLimitRow.class)
                    .map(Optional::of)
                    .defaultIfEmpty(Optional.empty())
                    .flatMap(read -> decide(key, limit, event, read))
                    .retryWhen(Retry.max(MAX_ROUNDS).filter(ChangedMeanwhile.class::isInstance));
        });
    }

    @Override
    public Mono<Long> purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        return template.getDatabaseClient().sql(PURGE_EXPIRED)
                .bind("now", utc(now))
                .fetch()
                .rowsUpdated();
    }

    /** Records {@code event} if it fits beside the counting events of {@code read}, writing only over what was read. */
    private Mono<Boolean> decide(String key, RollingLimit limit, Instant event, Optional<RollingLimitRow> read) {
        Instant windowStart = event.minus(limit.window());
        List<Instant> counting = new ArrayList<>(read.map(RollingLimitRow::instants).orElse(List.of()).stream()
                .filter(windowStart::isBefore)
                .toList());
        if (counting.size() >= limit.max()) {
            return Mono.just(false);
        }
        counting.add(event);
        counting.sort(null);
        String events = RollingLimitRow.format(counting);
        OffsetDateTime expiresAt = utc(counting.get(counting.size() - 1).plus(limit.window()));
        Mono<Long> written = read.isPresent()
                ? template.getDatabaseClient().sql(UPDATE)
                        .bind("key", key)
                        .bind("events", events)
                        .bind("expiresAt", expiresAt)
                        .bind("version", read.get().version())
                        .fetch()
                        .rowsUpdated()
                : template.getDatabaseClient().sql(dialect.insertUnlessPresent(INSERT))
                        .bind("key", key)
                        .bind("events", events)
                        .bind("expiresAt", expiresAt)
                        .fetch()
                        .rowsUpdated()
                        .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(0L));
        return written.flatMap(rows -> rows == 1 ? Mono.just(true) : Mono.error(ChangedMeanwhile.INSTANCE));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** Another acquisition wrote the key between this one's read and write; a signal to start over, not an error. */
    private static final class ChangedMeanwhile extends RuntimeException {

        private static final long serialVersionUID = 1L;
        static final ChangedMeanwhile INSTANCE = new ChangedMeanwhile();

        private ChangedMeanwhile() {
            super("the rolling limit changed meanwhile", null, false, false);
        }
    }
}
