package dev.concierge.adapter.persistence.booking;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.tenant.R2dbcTenants;
import dev.concierge.adapter.persistence.transaction.R2dbcTransactions;
import dev.concierge.application.port.out.Bookings;
import dev.concierge.application.port.out.IdempotencyKeyTakenException;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.testing.BookingsContractTest;
import dev.concierge.domain.booking.Booking;
import dev.concierge.domain.booking.BookingId;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.booking.SlotTakenException;
import dev.concierge.domain.booking.Visitor;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * The {@link Bookings} contract plus what is specific to a database: the database itself refuses a double booking,
 * whoever writes it; the first of two contending transactions to commit wins; bookings go with their tenant; the
 * checks hold; instants are kept to the microsecond; statements run on non-blocking threads and find their rows
 * through the index. Subclasses provide a migrated, empty database.
 */
abstract class R2dbcBookingsTestBase extends BookingsContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant TEN = Instant.parse("2026-12-07T10:00:00Z");
    private static final Visitor VISITOR = Visitor.of("Anna Müller", "anna@example.org", null, null);

    /** A connection factory for a migrated database without bookings or tenants. */
    protected abstract ConnectionFactory connectionFactory();

    /** Makes the database prefer an index it could use over reading the whole (tiny) table, for the current transaction. */
    protected abstract Mono<Void> preferIndexes(DatabaseClient database);

    @Override
    protected Bookings bookings() {
        return R2dbcBookings.using(connectionFactory());
    }

    @Override
    protected Transactions transactions() {
        return R2dbcTransactions.using(connectionFactory());
    }

    @Override
    protected Tenants tenants() {
        return R2dbcTenants.using(connectionFactory(), Clock.systemUTC());
    }

    @Test
    void theDatabaseItselfRefusesADoubleBookingWhoeverWritesIt() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        bookings().add(booking(tenant.id(), TEN, 30)).block(TIMEOUT);

        StepVerifier.create(DatabaseClient.create(connectionFactory())
                        .sql("INSERT INTO booking (id, tenant_id, start_at, end_at, visitor_name, visitor_email, status,"
                                + " sequence, created_at, updated_at) VALUES (:id, :tenantId, :start, :end, 'Bob',"
                                + " 'bob@example.org', 'CONFIRMED', 0, :start, :start)")
                        .bind("id", UUID.randomUUID())
                        .bind("tenantId", tenant.id().value())
                        .bind("start", OffsetDateTime.ofInstant(TEN, ZoneOffset.UTC))
                        .bind("end", OffsetDateTime.ofInstant(TEN.plusSeconds(600), ZoneOffset.UTC))
                        .fetch().rowsUpdated())
                .expectError(DataIntegrityViolationException.class).verify(TIMEOUT);
    }

    @Test
    void ofTwoTransactionsBookingOneSlotTheFirstToCommitWinsAndARollbackLeavesItFree() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        Bookings bookings = bookings();
        Booking first = booking(tenant.id(), TEN, 30);
        Booking second = booking(tenant.id(), TEN, 45);
        Booking third = booking(tenant.id(), TEN, 60);

        // The first holds its booking uncommitted for a moment and rolls back: the second waits for it, then wins.
        Mono<Booking> rolledBack = transactions().inTransaction(bookings.add(first)
                .delayElement(Duration.ofMillis(700))
                .then(Mono.<Booking>error(new IllegalStateException("rolled back"))))
                .onErrorResume(IllegalStateException.class, e -> Mono.empty());
        Mono<Booking> waiting = Mono.delay(Duration.ofMillis(200))
                .then(bookings.add(second).subscribeOn(Schedulers.boundedElastic()));
        List<Booking> stored = Flux.merge(rolledBack, waiting).collectList().block(TIMEOUT);

        assertThat(stored).containsExactly(second);
        StepVerifier.create(bookings.add(third)).expectError(SlotTakenException.class).verify(TIMEOUT);
        StepVerifier.create(bookings.findById(tenant.id(), first.id())).expectComplete().verify(TIMEOUT);
    }

    @Test
    void bookingsGoWithTheirTenant() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        Bookings bookings = bookings();
        Booking booking = bookings.add(booking(tenant.id(), TEN, 30)).block(TIMEOUT);

        DatabaseClient.create(connectionFactory()).sql("DELETE FROM tenant WHERE id = :id")
                .bind("id", tenant.id().value()).then().block(TIMEOUT);

        StepVerifier.create(bookings.findById(tenant.id(), booking.id())).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aBookingOfAnUnknownTenantIsRefused() {
        StepVerifier.create(bookings().add(booking(TenantId.random(), TEN, 30)))
                .expectError(DataIntegrityViolationException.class).verify(TIMEOUT);
    }

    @Test
    void checkConstraintsRefuseWhatTheDomainDoesNot() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        Bookings bookings = bookings();
        Booking booking = bookings.add(keyed(booking(tenant.id(), TEN, 30), "request-1")).block(TIMEOUT);

        for (String change : List.of("status = 'PENDING'", "end_at = start_at", "sequence = -1",
                "request_hash = NULL", "idempotency_key = NULL")) {
            StepVerifier.create(DatabaseClient.create(connectionFactory())
                            .sql("UPDATE booking SET " + change + " WHERE id = :id").bind("id", booking.id().value())
                            .fetch().rowsUpdated())
                    .expectError(DataIntegrityViolationException.class).verify(TIMEOUT);
        }
        StepVerifier.create(bookings.findById(tenant.id(), booking.id())).expectNext(booking).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void aKeyQuotingTheOverlapConstraintsNamesDoesNotMisleadTheTranslation() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        Bookings bookings = bookings();
        String key = R2dbcBookings.POSTGRESQL_OVERLAP + " " + R2dbcBookings.H2_OVERLAP;
        bookings.add(keyed(booking(tenant.id(), TEN, 30), key)).block(TIMEOUT);

        StepVerifier.create(bookings.add(keyed(booking(tenant.id(), TEN.plusSeconds(3600), 30), key)))
                .expectError(IdempotencyKeyTakenException.class).verify(TIMEOUT);
    }

    @Test
    void instantsAreKeptToTheMicrosecond() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        Bookings bookings = bookings();
        Instant start = TEN.plusNanos(123_456_789);
        Booking booking = new Booking(BookingId.random(), tenant.id(), start, start.plusSeconds(1800), VISITOR,
                BookingStatus.REQUESTED, 0, NOW.plusNanos(999_999_999), NOW.plusNanos(1_000), null, null);

        StepVerifier.create(bookings.add(booking).then(bookings.findById(tenant.id(), booking.id())))
                .assertNext(found -> {
                    assertThat(found.start()).isEqualTo(TEN.plusNanos(123_456_000));
                    assertThat(found.end()).isEqualTo(TEN.plusSeconds(1800).plusNanos(123_456_000));
                    assertThat(found.createdAt()).isEqualTo(NOW.plusNanos(999_999_000));
                    assertThat(found.updatedAt()).isEqualTo(NOW.plusNanos(1_000));
                }).expectComplete().verify(TIMEOUT);
    }

    @Test
    void worksWhenCalledFromANonBlockingThread() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        Bookings bookings = bookings();
        Booking booking = keyed(booking(tenant.id(), TEN, 30), "request-1");

        // Mono.delay emits on Reactor's parallel scheduler, whose threads BlockHound treats as non-blocking.
        Mono<Long> flow = Mono.delay(Duration.ofMillis(1))
                .then(bookings.add(booking))
                .then(bookings.add(booking(tenant.id(), TEN, 30)).onErrorResume(SlotTakenException.class,
                        e -> Mono.empty()))
                .then(bookings.update(booking.confirm(NOW)))
                .then(bookings.findById(tenant.id(), booking.id()))
                .then(bookings.findByIdempotencyKey(tenant.id(), "request-1"))
                .thenMany(bookings.activeBetween(tenant.id(), TEN, TEN.plusSeconds(60)))
                .thenMany(bookings.list(tenant.id(), TEN, TEN.plusSeconds(60), null, 0, 10))
                .then(bookings.count(tenant.id(), TEN, TEN.plusSeconds(60), null));

        StepVerifier.create(flow).expectNext(1L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aTenantsBookingsAreFoundThroughTheIndexLeadingWithTheTenantAndTheStart() {
        Map<String, Object> range = Map.of("tenantId", UUID.randomUUID(),
                "from", OffsetDateTime.ofInstant(TEN, ZoneOffset.UTC),
                "to", OffsetDateTime.ofInstant(TEN.plusSeconds(86_400), ZoneOffset.UTC));

        assertThat(plan("SELECT * FROM booking WHERE tenant_id = :tenantId AND start_at >= :from AND start_at < :to"
                + " ORDER BY start_at, id LIMIT 10", range)).containsIgnoringCase("ix_booking_tenant_start");
        assertThat(plan("SELECT * FROM booking WHERE tenant_id = :tenantId AND start_at < :to AND end_at > :from"
                + " AND status <> 'CANCELLED' ORDER BY start_at, id", range))
                .containsAnyOf("ix_booking_tenant_start", "IX_BOOKING_TENANT_START", "ex_booking_overlap");
    }

    private String plan(String statement, Map<String, Object> parameters) {
        DatabaseClient database = DatabaseClient.create(connectionFactory());
        Mono<String> plan = preferIndexes(database).then(database.sql("EXPLAIN " + statement)
                .bindValues(parameters)
                .map(row -> row.get(0, String.class))
                .all()
                .reduce("", (text, line) -> text + line + "\n"));
        return R2dbcTransactions.using(connectionFactory()).inTransaction(plan).block(TIMEOUT);
    }

    private static Booking booking(TenantId tenantId, Instant start, int minutes) {
        return new Booking(BookingId.random(), tenantId, start, start.plusSeconds(60L * minutes), VISITOR,
                BookingStatus.REQUESTED, 0, NOW, NOW, null, null);
    }

    private static Booking keyed(Booking booking, String key) {
        return new Booking(booking.id(), booking.tenantId(), booking.start(), booking.end(), booking.visitor(),
                booking.status(), booking.sequence(), booking.createdAt(), booking.updatedAt(), key, "0".repeat(64));
    }
}
