package dev.concierge.adapter.persistence.booking;

import static dev.concierge.adapter.persistence.booking.BookingRow.utc;
import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import dev.concierge.adapter.persistence.support.ConstraintViolations;
import dev.concierge.adapter.persistence.support.Dialect;
import dev.concierge.adapter.persistence.support.EntityTemplates;
import dev.concierge.adapter.persistence.transaction.R2dbcTransactions;
import dev.concierge.application.port.out.BookingChangedConcurrentlyException;
import dev.concierge.application.port.out.Bookings;
import dev.concierge.application.port.out.IdempotencyKeyTakenException;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.booking.Booking;
import dev.concierge.domain.booking.BookingId;
import dev.concierge.domain.booking.BookingNotFoundException;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.booking.SlotTakenException;
import dev.concierge.domain.tenant.TenantId;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.data.domain.Sort;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.data.relational.core.query.Update;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@link Bookings} in a relational database (PostgreSQL or H2) through R2DBC, one row a booking ({@link BookingRow}).
 *
 * <p>Overlaps are refused by the database, never by a read before the write, so the guarantee holds across any number
 * of instances: on PostgreSQL the exclusion constraint {@value #POSTGRESQL_OVERLAP} covers every overlap; on H2 the
 * unique constraint {@value #H2_OVERLAP} covers bookings that start at the same instant (see the migrations). Of
 * concurrent writes that would break it, the database lets the first to commit through and fails the others, which
 * are recognised by the constraint's name ({@link ConstraintViolations}), as is a taken idempotency key
 * ({@value #IDEMPOTENCY_KEY}), which the database checks first.
 *
 * <p>Each write runs in a transaction of its own, or in a savepoint of a surrounding one (see
 * {@link R2dbcTransactions}): a refused booking leaves a surrounding transaction usable on PostgreSQL too, where a
 * failed statement would otherwise abort it. An update changes the row only where it is still at the sequence the
 * change was based on, so of concurrent changes of one booking exactly one is stored.
 *
 * <p>Every statement names the tenant. Statements run on the connection of a surrounding transaction on the same
 * connection factory, if there is one, so a booking is stored only if the caller's other writes commit.
 */
public final class R2dbcBookings implements Bookings {

    static final String IDEMPOTENCY_KEY = "uq_booking_idempotency_key";
    static final String POSTGRESQL_OVERLAP = "ex_booking_overlap";
    static final String H2_OVERLAP = "uq_booking_active_start";
    static final String PRIMARY_KEY = "pk_booking";
    private static final List<String> CONSTRAINTS = List.of(IDEMPOTENCY_KEY, POSTGRESQL_OVERLAP, H2_OVERLAP,
            PRIMARY_KEY);
    private static final String CANCELLED = BookingStatus.CANCELLED.name();
    private static final Sort BY_START = Sort.by("start_at", "id");
    private static final int MAX_PAGE_SIZE = 1_000;

    /**
     * Taken by every booking write of a tenant on PostgreSQL, until its transaction ends: writes of one tenant's
     * bookings queue up instead of waiting for each other inside the exclusion constraint, where PostgreSQL breaks
     * such a cycle by aborting one of them as a deadlock after a second. Writes of different tenants never meet.
     */
    private static final String POSTGRESQL_TENANT_LOCK = "SELECT pg_advisory_xact_lock(:key)";

    private final R2dbcEntityTemplate template;
    private final Transactions transactions;
    private final Dialect dialect;

    /**
     * @param template     maps and runs the statements; it must use the connection factory of {@code transactions}
     * @param transactions makes each write a savepoint of a surrounding transaction
     */
    public R2dbcBookings(R2dbcEntityTemplate template, Transactions transactions) {
        this.template = Objects.requireNonNull(template, "template");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.dialect = Dialect.of(template.getDatabaseClient().getConnectionFactory());
    }

    /**
     * Bookings in the database behind {@code connectionFactory}, with a template and transactions of their own. Both
     * find the connection of a surrounding transaction on the same connection factory, so these writes join a
     * transaction that a caller already started.
     */
    public static R2dbcBookings using(ConnectionFactory connectionFactory) {
        return new R2dbcBookings(EntityTemplates.forConnectionFactory(connectionFactory, BookingRow.class),
                R2dbcTransactions.using(connectionFactory));
    }

    @Override
    public Mono<Booking> add(Booking booking) {
        Objects.requireNonNull(booking, "booking");
        return transactions.inTransaction(lockTenant(booking.tenantId())
                        .then(Mono.defer(() -> template.insert(BookingRow.fromDomain(booking)))))
                .retryWhen(AFTER_DEADLOCK)
                .onErrorMap(refused(booking))
                .map(BookingRow::toDomain);
    }

    @Override
    public Mono<Booking> update(Booking booking) {
        Objects.requireNonNull(booking, "booking");
        Query stored = ofTenant(booking.tenantId(), booking.id());
        Query atPreviousSequence = query(where("id").is(booking.id().value())
                .and("tenant_id").is(booking.tenantId().value())
                .and("sequence").is(booking.sequence() - 1));
        Update change = Update.update("status", booking.status().name())
                .set("sequence", booking.sequence())
                .set("updated_at", utc(booking.updatedAt()));
        // A missing row and another sequence both leave the update without a row to change; look to tell them apart.
        Mono<BookingRow> write = template.update(atPreviousSequence, change, BookingRow.class)
                .flatMap(changed -> changed == 1 ? template.selectOne(stored, BookingRow.class)
                        : template.exists(stored, BookingRow.class).flatMap(exists -> Mono.error(exists
                                ? new BookingChangedConcurrentlyException(booking.id())
                                : new BookingNotFoundException("with id " + booking.id()))));
        return transactions.inTransaction(lockTenant(booking.tenantId()).then(write))
                .retryWhen(AFTER_DEADLOCK)
                .onErrorMap(refused(booking))
                .map(BookingRow::toDomain);
    }

    private Mono<Void> lockTenant(TenantId tenantId) {
        if (dialect != Dialect.POSTGRESQL) {
            return Mono.empty();
        }
        UUID id = tenantId.value();
        return template.getDatabaseClient().sql(POSTGRESQL_TENANT_LOCK)
                .bind("key", id.getMostSignificantBits() ^ id.getLeastSignificantBits())
                .fetch().all().then();
    }

    @Override
    public Mono<Booking> findById(TenantId tenantId, BookingId id) {
        return template.selectOne(ofTenant(tenantId, id), BookingRow.class).map(BookingRow::toDomain);
    }

    @Override
    public Mono<Booking> findByIdempotencyKey(TenantId tenantId, String idempotencyKey) {
        Objects.requireNonNull(idempotencyKey, "idempotencyKey");
        return template.selectOne(query(where("tenant_id").is(tenantId.value())
                        .and("idempotency_key").is(idempotencyKey)), BookingRow.class)
                .map(BookingRow::toDomain);
    }

    /** Found through {@code ix_booking_tenant_start}: an overlapping booking starts before {@code to}. */
    @Override
    public Flux<Booking> activeBetween(TenantId tenantId, Instant from, Instant to) {
        Criteria overlapping = where("tenant_id").is(tenantId.value())
                .and("start_at").lessThan(utc(to))
                .and("end_at").greaterThan(utc(from))
                .and("status").not(CANCELLED);
        return template.select(query(overlapping).sort(BY_START), BookingRow.class).map(BookingRow::toDomain);
    }

    @Override
    public Flux<Booking> list(TenantId tenantId, Instant from, Instant to, BookingStatus status, long offset,
            int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            return Flux.error(new IllegalArgumentException("offset must be at least 0 and limit 1 to " + MAX_PAGE_SIZE
                    + ", were " + offset + " and " + limit));
        }
        return template.select(query(starting(tenantId, from, to, status)).sort(BY_START).offset(offset).limit(limit),
                        BookingRow.class)
                .map(BookingRow::toDomain);
    }

    @Override
    public Mono<Long> count(TenantId tenantId, Instant from, Instant to, BookingStatus status) {
        return template.count(query(starting(tenantId, from, to, status)), BookingRow.class);
    }

    private static Criteria starting(TenantId tenantId, Instant from, Instant to, BookingStatus status) {
        Criteria criteria = where("tenant_id").is(tenantId.value())
                .and("start_at").greaterThanOrEquals(utc(from))
                .and("start_at").lessThan(utc(to));
        return status == null ? criteria : criteria.and("status").is(status.name());
    }

    private static Query ofTenant(TenantId tenantId, BookingId id) {
        return query(where("id").is(id.value()).and("tenant_id").is(tenantId.value()));
    }

    /** The domain's outcome for a write the database refused by one of the booking's constraints. */
    /**
     * Concurrent writes of overlapping bookings wait for each other in the exclusion constraint, and PostgreSQL may
     * resolve that by aborting one as a deadlock. The aborted write is tried again (in a savepoint or transaction of
     * its own), and then meets the other's committed booking as a plain violation; after a few rounds a write that
     * still loses is reported as a taken slot, which is what it lost to.
     */
    private static final Retry AFTER_DEADLOCK = Retry.max(3).filter(ConstraintViolations::isTransientConflict)
            .onRetryExhaustedThrow((spec, signal) -> new SlotTakenException());

    private static Function<Throwable, Throwable> refused(Booking booking) {
        return error -> ConstraintViolations.violated(error, CONSTRAINTS)
                .<Throwable>map(constraint -> switch (constraint) {
                    case IDEMPOTENCY_KEY -> new IdempotencyKeyTakenException(booking.idempotencyKey());
                    case PRIMARY_KEY -> new IllegalStateException("a booking with id " + booking.id()
                            + " exists already");
                    default -> new SlotTakenException();
                })
                .orElse(error);
    }
}
