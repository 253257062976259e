package dev.concierge.application.testing;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.concierge.application.port.out.BookingChangedConcurrentlyException;
import dev.concierge.application.port.out.Bookings;
import dev.concierge.application.port.out.IdempotencyKeyTakenException;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.booking.Booking;
import dev.concierge.domain.booking.BookingId;
import dev.concierge.domain.booking.BookingNotFoundException;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.booking.SlotTakenException;
import dev.concierge.domain.booking.Visitor;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every implementation of {@link Bookings} must do. Subclasses provide an empty store per test, the
 * transactions it takes part in, and the tenant store of the same implementation: the bookings' tenants are stored
 * there first, as a database's foreign keys need. Instants are whole milliseconds, which every store keeps exactly.
 *
 * <p>The port lets a store guarantee the absence of overlaps for bookings that start at the same instant only (H2);
 * such a store answers {@code false} from {@link #refusesPartialOverlaps()}, and the tests of partial overlaps are
 * skipped for it. Everything else holds for every store.
 */
public abstract class BookingsContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123Z");
    /** 10:00 on a Monday morning, the start of most bookings here. */
    private static final Instant TEN = Instant.parse("2026-12-07T10:00:00Z");
    private static final Visitor ANNA = Visitor.of("Anna Müller", "anna@example.org", null, null);
    private static final int CONTENDERS = 50;

    private Bookings bookings;
    private Transactions transactions;
    private TenantId tenant;
    private TenantId otherTenant;

    /** A store holding no bookings; called once per test. */
    protected abstract Bookings bookings();

    /** Transactions that the store of {@link #bookings()} takes part in; called once per test. */
    protected abstract Transactions transactions();

    /** The tenant store of the same implementation, where the bookings' tenants are added; called once per test. */
    protected abstract Tenants tenants();

    /**
     * Whether the store refuses active bookings that overlap without starting at the same instant, as the port
     * promises everywhere but on H2.
     */
    protected abstract boolean refusesPartialOverlaps();

    @BeforeEach
    void storeTwoTenants() {
        bookings = bookings();
        transactions = transactions();
        Tenants tenants = tenants();
        tenant = tenants.add(activeTenant().build()).block(TIMEOUT).id();
        otherTenant = tenants.add(activeTenant().build()).block(TIMEOUT).id();
    }

    @Test
    void anAddedBookingIsFoundExactlyAsStoredWithEveryField() {
        String domain = "@" + String.join(".", "b".repeat(61), "c".repeat(61), "d".repeat(61), "exa");
        Visitor longest = new Visitor("Jürgen Größe-Ärmelkanal ".repeat(5).substring(0, Visitor.MAX_NAME_LENGTH),
                new EmailAddress("o".repeat(EmailAddress.MAX_LENGTH - domain.length()) + domain),
                "+49 (0)89 / 123-456.789 0123 4", text("Bitte klingeln: Tür 2 – „Hinterhof“ ✓ \uD83E\uDD50\n",
                        Visitor.MAX_NOTES_LENGTH));
        assertThat(longest.email().value()).hasSize(EmailAddress.MAX_LENGTH);
        assertThat(longest.phone()).hasSize(Visitor.MAX_PHONE_LENGTH);
        Booking full = new Booking(BookingId.random(), tenant, TEN, TEN.plus(Duration.ofHours(12)), longest,
                BookingStatus.CONFIRMED, 3, NOW, NOW.plusMillis(4_567),
                "k".repeat(Booking.MAX_IDEMPOTENCY_KEY_LENGTH), "0123456789abcdef".repeat(4));
        Booking plain = booking(tenant, TEN.plus(Duration.ofDays(1)), 30);
        assertThat(plain.visitor().phone()).isNull();
        assertThat(plain.visitor().notes()).isNull();

        StepVerifier.create(bookings.add(full)).expectNext(full).expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.add(plain)).expectNext(plain).expectComplete().verify(TIMEOUT);

        StepVerifier.create(bookings.findById(tenant, full.id())).expectNext(full).expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.findByIdempotencyKey(tenant, full.idempotencyKey())).expectNext(full)
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.findById(tenant, plain.id())).expectNext(plain).expectComplete().verify(TIMEOUT);
    }

    @Test
    void unknownBookingsAreEmpty() {
        added(withKey(booking(tenant, TEN, 30), "known"));

        StepVerifier.create(bookings.findById(tenant, BookingId.random())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.findByIdempotencyKey(tenant, "unknown")).expectComplete().verify(TIMEOUT);
    }

    @Test
    void anotherTenantsBookingIsNeverFoundListedOrChanged() {
        Booking theirs = added(withKey(booking(tenant, TEN, 30), "request-1"));
        Booking asOther = new Booking(theirs.id(), otherTenant, theirs.start(), theirs.end(), theirs.visitor(),
                BookingStatus.CANCELLED, 1, theirs.createdAt(), NOW.plusSeconds(1), null, null);

        StepVerifier.create(bookings.findById(otherTenant, theirs.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.findByIdempotencyKey(otherTenant, "request-1")).expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.activeBetween(otherTenant, TEN.minusSeconds(3600), TEN.plusSeconds(3600)))
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.list(otherTenant, TEN.minusSeconds(3600), TEN.plusSeconds(3600), null, 0, 10))
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.count(otherTenant, TEN.minusSeconds(3600), TEN.plusSeconds(3600), null))
                .expectNext(0L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.update(asOther)).expectError(BookingNotFoundException.class).verify(TIMEOUT);

        StepVerifier.create(bookings.findById(tenant, theirs.id())).expectNext(theirs).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aBookingAtTheStartOfAnActiveOneIsRefusedAndNothingOfItStored() {
        Booking requested = added(booking(tenant, TEN, 30));
        Booking confirmed = added(confirmed(booking(tenant, TEN.plusSeconds(3600), 30)));

        for (Booking taken : List.of(requested, confirmed)) {
            for (Booking contender : List.of(booking(tenant, taken.start(), 30), booking(tenant, taken.start(), 5),
                    confirmed(booking(tenant, taken.start(), 90)))) {
                StepVerifier.create(bookings.add(contender)).expectError(SlotTakenException.class).verify(TIMEOUT);
                StepVerifier.create(bookings.findById(tenant, contender.id())).expectComplete().verify(TIMEOUT);
            }
        }
        assertThat(bookings.count(tenant, TEN.minusSeconds(86_400), TEN.plusSeconds(86_400), null).block(TIMEOUT))
                .isEqualTo(2);
    }

    @Test
    void aBookingThatPartlyOverlapsOrContainsOrLiesWithinAnActiveOneIsRefused() {
        assumeTrue(refusesPartialOverlaps(), "this store refuses only overlapping bookings that start together");
        Booking taken = added(booking(tenant, TEN, 60));

        List<Booking> contenders = List.of(
                booking(tenant, TEN.minusSeconds(15 * 60), 30), // ends inside
                booking(tenant, TEN.plusSeconds(45 * 60), 30), // starts inside
                booking(tenant, TEN.plusSeconds(15 * 60), 15), // lies within
                booking(tenant, TEN.minusSeconds(60), 62), // contains it
                confirmed(booking(tenant, TEN.plusSeconds(59 * 60), 1)));
        for (Booking contender : contenders) {
            StepVerifier.create(bookings.add(contender)).expectError(SlotTakenException.class).verify(TIMEOUT);
            StepVerifier.create(bookings.findById(tenant, contender.id())).expectComplete().verify(TIMEOUT);
        }

        StepVerifier.create(bookings.activeBetween(tenant, TEN.minusSeconds(86_400), TEN.plusSeconds(86_400)))
                .expectNext(taken).expectComplete().verify(TIMEOUT);
    }

    @Test
    void bookingsThatOnlyTouchAreBothActive() {
        Booking middle = added(booking(tenant, TEN, 30));
        Booking before = booking(tenant, TEN.minusSeconds(30 * 60), 30);
        Booking after = confirmed(booking(tenant, middle.end(), 45));

        StepVerifier.create(bookings.add(before)).expectNext(before).expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.add(after)).expectNext(after).expectComplete().verify(TIMEOUT);

        StepVerifier.create(bookings.activeBetween(tenant, TEN.minusSeconds(86_400), TEN.plusSeconds(86_400)))
                .expectNext(before, middle, after).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aCancelledBookingFreesItsTime() {
        Booking first = added(booking(tenant, TEN, 30));
        Booking cancelled = bookings.update(first.cancel(NOW.plusSeconds(60))).block(TIMEOUT);
        Booking again = booking(tenant, TEN, 30);

        StepVerifier.create(bookings.add(again)).expectNext(again).expectComplete().verify(TIMEOUT);

        StepVerifier.create(bookings.findById(tenant, first.id())).expectNext(cancelled).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(bookings.activeBetween(tenant, TEN, TEN.plusSeconds(60))).expectNext(again)
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void aCancelledBookingMayBeAddedAtTheTimeOfAnActiveOne() {
        added(booking(tenant, TEN, 30));
        Booking cancelled = cancelled(booking(tenant, TEN, 30));

        StepVerifier.create(bookings.add(cancelled)).expectNext(cancelled).expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.findById(tenant, cancelled.id())).expectNext(cancelled).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void anotherTenantMayBookTheSameTime() {
        added(booking(tenant, TEN, 30));
        Booking theirs = booking(otherTenant, TEN, 30);

        StepVerifier.create(bookings.add(theirs)).expectNext(theirs).expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.findById(otherTenant, theirs.id())).expectNext(theirs).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void anUpdateStoresTheStatusSequenceAndUpdateTime() {
        Booking requested = added(withKey(booking(tenant, TEN, 30), "request-1"));
        Booking confirmed = requested.confirm(NOW.plusSeconds(60));
        Booking cancelled = confirmed.cancel(NOW.plusSeconds(120));

        StepVerifier.create(bookings.update(confirmed)).expectNext(confirmed).expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.findById(tenant, requested.id())).expectNext(confirmed).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(bookings.update(cancelled)).expectNext(cancelled).expectComplete().verify(TIMEOUT);

        StepVerifier.create(bookings.findById(tenant, requested.id())).assertNext(found -> {
            assertThat(found).isEqualTo(cancelled);
            assertThat(found.sequence()).isEqualTo(2);
            assertThat(found.updatedAt()).isEqualTo(NOW.plusSeconds(120));
            assertThat(found.createdAt()).isEqualTo(NOW);
        }).expectComplete().verify(TIMEOUT);
    }

    @Test
    void anUpdateChangesNothingButTheStatusSequenceAndUpdateTime() {
        Booking stored = added(withKey(booking(tenant, TEN, 30), "request-1"));
        Booking otherwiseChanged = new Booking(stored.id(), tenant, TEN.plusSeconds(7200), TEN.plusSeconds(9000),
                Visitor.of("Someone Else", "else@example.org", "+1 555 0100", "changed"), BookingStatus.CONFIRMED, 1,
                NOW.minusSeconds(3600), NOW.plusSeconds(60), "request-2", "f".repeat(64));
        Booking expected = stored.confirm(NOW.plusSeconds(60));

        StepVerifier.create(bookings.update(otherwiseChanged)).expectNext(expected).expectComplete().verify(TIMEOUT);

        StepVerifier.create(bookings.findById(tenant, stored.id())).expectNext(expected).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void anUpdateBasedOnAnotherSequenceIsRefusedAndChangesNothing() {
        Booking read = added(booking(tenant, TEN, 30));
        Booking theirs = bookings.update(read.confirm(NOW.plusSeconds(60))).block(TIMEOUT);

        StepVerifier.create(bookings.update(read.cancel(NOW.plusSeconds(120))))
                .expectError(BookingChangedConcurrentlyException.class).verify(TIMEOUT);
        StepVerifier.create(bookings.update(withSequence(theirs.cancel(NOW.plusSeconds(120)), 3)))
                .expectError(BookingChangedConcurrentlyException.class).verify(TIMEOUT);

        StepVerifier.create(bookings.findById(tenant, read.id())).expectNext(theirs).expectComplete().verify(TIMEOUT);
    }

    @Test
    void ofConcurrentUpdatesBasedOnOneSequenceExactlyOneIsStored() {
        Booking read = added(booking(tenant, TEN, 30));
        AtomicInteger refused = new AtomicInteger();

        List<Booking> stored = Flux.range(0, 8)
                .flatMap(i -> bookings.update(i % 2 == 0 ? read.confirm(NOW.plusSeconds(i)) : read.cancel(NOW
                                .plusSeconds(i)))
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(BookingChangedConcurrentlyException.class, e -> {
                            refused.incrementAndGet();
                            return Mono.empty();
                        }))
                .collectList()
                .block(TIMEOUT);

        assertThat(stored).hasSize(1);
        assertThat(refused).hasValue(7);
        StepVerifier.create(bookings.findById(tenant, read.id())).expectNext(stored.get(0)).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void updatingAnUnknownBookingFailsAndStoresNothing() {
        Booking never = confirmed(booking(tenant, TEN, 30));

        StepVerifier.create(bookings.update(never)).expectError(BookingNotFoundException.class).verify(TIMEOUT);

        StepVerifier.create(bookings.findById(tenant, never.id())).expectComplete().verify(TIMEOUT);
    }

    @Test
    void reactivatingACancelledBookingWhoseStartWasBookedSinceIsRefused() {
        Booking cancelled = added(cancelled(booking(tenant, TEN, 30)));
        Booking since = added(booking(tenant, TEN, 30));

        StepVerifier.create(bookings.update(reactivated(cancelled))).expectError(SlotTakenException.class)
                .verify(TIMEOUT);

        StepVerifier.create(bookings.findById(tenant, cancelled.id())).expectNext(cancelled).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(bookings.activeBetween(tenant, TEN, TEN.plusSeconds(60))).expectNext(since)
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void reactivatingACancelledBookingThatNowPartlyOverlapsAnotherIsRefused() {
        assumeTrue(refusesPartialOverlaps(), "this store refuses only overlapping bookings that start together");
        Booking cancelled = added(cancelled(booking(tenant, TEN, 60)));
        added(booking(tenant, TEN.plusSeconds(30 * 60), 60));

        StepVerifier.create(bookings.update(reactivated(cancelled))).expectError(SlotTakenException.class)
                .verify(TIMEOUT);

        StepVerifier.create(bookings.findById(tenant, cancelled.id())).expectNext(cancelled).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void reactivatingACancelledBookingWhoseTimeIsStillFreeSucceeds() {
        Booking cancelled = added(cancelled(booking(tenant, TEN, 30)));
        added(booking(tenant, TEN.plusSeconds(30 * 60), 30));
        Booking reactivated = reactivated(cancelled);

        StepVerifier.create(bookings.update(reactivated)).expectNext(reactivated).expectComplete().verify(TIMEOUT);
    }

    @Test
    void anIdempotencyKeyIsTakenOncePerTenantAndARefusedBookingStoresNothing() {
        Booking first = added(withKey(booking(tenant, TEN, 30), "request-1"));
        Booking sameKey = withKey(booking(tenant, TEN.plusSeconds(7200), 30), "request-1");
        Booking otherTenantsKey = withKey(booking(otherTenant, TEN.plusSeconds(7200), 30), "request-1");

        StepVerifier.create(bookings.add(sameKey)).expectError(IdempotencyKeyTakenException.class).verify(TIMEOUT);
        StepVerifier.create(bookings.add(otherTenantsKey)).expectNext(otherTenantsKey).expectComplete()
                .verify(TIMEOUT);

        StepVerifier.create(bookings.findById(tenant, sameKey.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.findByIdempotencyKey(tenant, "request-1")).expectNext(first).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(bookings.findByIdempotencyKey(otherTenant, "request-1")).expectNext(otherTenantsKey)
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.activeBetween(tenant, TEN.plusSeconds(7200), TEN.plusSeconds(7260)))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void aCancelledBookingKeepsItsIdempotencyKey() {
        Booking first = added(withKey(booking(tenant, TEN, 30), "request-1"));
        Booking cancelled = bookings.update(first.cancel(NOW.plusSeconds(60))).block(TIMEOUT);

        StepVerifier.create(bookings.add(withKey(booking(tenant, TEN, 30), "request-1")))
                .expectError(IdempotencyKeyTakenException.class).verify(TIMEOUT);
        StepVerifier.create(bookings.findByIdempotencyKey(tenant, "request-1")).expectNext(cancelled)
                .expectComplete().verify(TIMEOUT);
    }

    /** A retry of the first request meets both its key and its slot taken; the key tells the caller it is a retry. */
    @Test
    void aRetryOfTheSameRequestIsRefusedForItsKeyRatherThanItsSlot() {
        Booking first = added(withKey(booking(tenant, TEN, 30), "request-1"));
        Booking retry = withKey(booking(tenant, TEN, 30), "request-1");

        StepVerifier.create(bookings.add(retry)).expectError(IdempotencyKeyTakenException.class).verify(TIMEOUT);
        StepVerifier.create(bookings.findByIdempotencyKey(tenant, "request-1")).expectNext(first).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void activeBookingsAreThoseThatOverlapTheRangeByStart() {
        Booking nine = added(booking(tenant, TEN.minusSeconds(3600), 30)); // 09:00-09:30
        Booking ten = added(confirmed(booking(tenant, TEN, 60))); // 10:00-11:00
        added(cancelled(booking(tenant, TEN.plusSeconds(3600), 30))); // 11:00-11:30, cancelled
        Booking noon = added(booking(tenant, TEN.plusSeconds(7200), 30)); // 12:00-12:30
        added(booking(otherTenant, TEN, 60));

        assertActive(TEN.minusSeconds(1800), TEN.plusSeconds(7200), ten);
        assertActive(TEN.minusSeconds(1801), TEN.plusSeconds(7201), nine, ten, noon);
        assertActive(TEN.plusSeconds(1800), TEN.plusSeconds(1801), ten);
        assertActive(TEN.plusSeconds(3600), TEN.plusSeconds(7200));
        assertActive(TEN.minusSeconds(86_400), TEN.plusSeconds(86_400), nine, ten, noon);
    }

    @Test
    void listsAndCountsTheBookingsStartingInTheRangeByStartThenIdFilteredByStatus() {
        // Three bookings start together (cancelled ones may); their ids sort differently as unsigned bytes, the way
        // databases sort them, and as Java's signed UUID.compareTo.
        Booking lowId = added(withId(cancelled(booking(tenant, TEN, 30)), new UUID(0x10L, 1)));
        Booking highId = added(withId(cancelled(booking(tenant, TEN, 30)), new UUID(0x90L << 56, 1)));
        Booking active = added(withId(booking(tenant, TEN, 30), new UUID(0x50L << 56, 1)));
        Booking before = added(cancelled(booking(tenant, TEN.minusSeconds(3600), 90))); // starts before, ends within
        Booking later = added(confirmed(booking(tenant, TEN.plusSeconds(3600), 30)));
        Booking atTheEnd = added(booking(tenant, TEN.plusSeconds(7200), 30));
        added(booking(otherTenant, TEN.plusSeconds(1800), 30));
        Instant from = TEN;
        Instant to = TEN.plusSeconds(7200);

        assertListed(from, to, null, 0, 10, lowId, active, highId, later);
        assertListed(from, to, null, 1, 2, active, highId);
        assertListed(from, to, null, 3, 2, later);
        assertListed(from, to, null, 4, 2);
        assertListed(from, to, BookingStatus.CANCELLED, 0, 10, lowId, highId);
        assertListed(from, to, BookingStatus.CONFIRMED, 0, 10, later);
        assertListed(from.minusSeconds(3600), to.plusSeconds(1), BookingStatus.REQUESTED, 0, 10, active, atTheEnd);
        assertListed(from.minusSeconds(3600), to.plusSeconds(1), BookingStatus.CANCELLED, 1, 10, lowId, highId);
        assertListed(from.minusSeconds(3600), from, null, 0, 10, before);
        assertThat(bookings.count(tenant, from, to, null).block(TIMEOUT)).isEqualTo(4);
        assertThat(bookings.count(tenant, from, to, BookingStatus.CANCELLED).block(TIMEOUT)).isEqualTo(2);
        assertThat(bookings.count(tenant, from, to, BookingStatus.REQUESTED).block(TIMEOUT)).isEqualTo(1);
        assertThat(bookings.count(tenant, from.minusSeconds(3600), to.plusSeconds(1), null).block(TIMEOUT))
                .isEqualTo(6);
        assertThat(bookings.count(tenant, to, to.plusSeconds(1), null).block(TIMEOUT)).isEqualTo(1);
        assertThat(bookings.count(otherTenant, from, to, null).block(TIMEOUT)).isEqualTo(1);
    }

    @Test
    void bookingsStartingTogetherArePagedWithoutOverlapOrGap() {
        List<Booking> added = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            added.add(added(cancelled(booking(tenant, TEN, 30))));
        }

        List<Booking> paged = Flux.concat(bookings.list(tenant, TEN, TEN.plusSeconds(1), null, 0, 3),
                bookings.list(tenant, TEN, TEN.plusSeconds(1), null, 3, 3),
                bookings.list(tenant, TEN, TEN.plusSeconds(1), null, 6, 3)).collectList().block(TIMEOUT);

        assertThat(paged).containsExactlyInAnyOrderElementsOf(added);
    }

    @Test
    void listingRefusesAnOffsetOrLimitOutOfRange() {
        Instant to = TEN.plusSeconds(3600);

        StepVerifier.create(bookings.list(tenant, TEN, to, null, -1, 10)).expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);
        StepVerifier.create(bookings.list(tenant, TEN, to, null, 0, 0)).expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);
        StepVerifier.create(bookings.list(tenant, TEN, to, null, 0, 1_001))
                .expectError(IllegalArgumentException.class).verify(TIMEOUT);
        StepVerifier.create(bookings.list(tenant, TEN, to, null, 0, 1_000)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void writesInATransactionThatRollsBackLeaveNothing() {
        Booking confirmedLater = added(booking(tenant, TEN, 30));
        Booking addedLater = withKey(booking(tenant, TEN.plusSeconds(3600), 30), "request-1");

        Mono<Object> work = bookings.add(addedLater)
                .then(bookings.update(confirmedLater.confirm(NOW.plusSeconds(60))))
                .then(Mono.error(new IllegalStateException("rolled back")));
        StepVerifier.create(transactions.inTransaction(work)).expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(bookings.findById(tenant, addedLater.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.findByIdempotencyKey(tenant, "request-1")).expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.findById(tenant, confirmedLater.id())).expectNext(confirmedLater)
                .expectComplete().verify(TIMEOUT);
        // The time and the key are free again.
        Booking again = withKey(booking(tenant, TEN.plusSeconds(3600), 30), "request-1");
        StepVerifier.create(bookings.add(again)).expectNext(again).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aRefusedWriteLeavesTheSurroundingTransactionUsable() {
        Booking first = added(withKey(booking(tenant, TEN, 30), "request-1"));
        Booking cancelled = added(cancelled(booking(tenant, TEN, 30)));
        Booking next = booking(tenant, TEN.plusSeconds(3600), 30);

        Mono<Booking> work = bookings.add(booking(tenant, TEN, 30))
                .onErrorResume(SlotTakenException.class, e -> Mono.empty())
                .then(bookings.add(withKey(booking(tenant, TEN.plusSeconds(7200), 30), "request-1")))
                .onErrorResume(IdempotencyKeyTakenException.class, e -> Mono.empty())
                .then(bookings.update(reactivated(cancelled)))
                .onErrorResume(SlotTakenException.class, e -> Mono.empty())
                .then(bookings.update(withSequence(first.cancel(NOW), 5)))
                .onErrorResume(BookingChangedConcurrentlyException.class, e -> Mono.empty())
                .then(bookings.update(confirmed(booking(tenant, TEN, 30))))
                .onErrorResume(BookingNotFoundException.class, e -> Mono.empty())
                .then(bookings.add(next));

        StepVerifier.create(transactions.inTransaction(work)).expectNext(next).expectComplete().verify(TIMEOUT);

        StepVerifier.create(bookings.activeBetween(tenant, TEN.minusSeconds(86_400), TEN.plusSeconds(86_400)))
                .expectNext(first, next).expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.findById(tenant, cancelled.id())).expectNext(cancelled).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(bookings.count(tenant, TEN.minusSeconds(86_400), TEN.plusSeconds(86_400), null))
                .expectNext(3L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void ofConcurrentBookingsStartingTogetherExactlyOneIsStored() {
        assertExactlyOneWins(i -> booking(tenant, TEN, 30 + i));
    }

    @Test
    void ofConcurrentBookingsThatOverlapPartlyExactlyOneIsStored() {
        assumeTrue(refusesPartialOverlaps(), "this store refuses only overlapping bookings that start together");
        // Every one starts within the hour every other one lasts.
        assertExactlyOneWins(i -> booking(tenant, TEN.plusSeconds(60L * i), 60));
    }

    @Test
    void ofConcurrentBookingsUnderOneIdempotencyKeyExactlyOneIsStored() {
        AtomicInteger refused = new AtomicInteger();

        List<Booking> stored = Flux.range(0, 8)
                .flatMap(i -> bookings.add(withKey(booking(tenant, TEN.plusSeconds(3600L * i), 30), "retried"))
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(IdempotencyKeyTakenException.class, e -> {
                            refused.incrementAndGet();
                            return Mono.empty();
                        }))
                .collectList()
                .block(TIMEOUT);

        assertThat(stored).hasSize(1);
        assertThat(refused).hasValue(7);
        StepVerifier.create(bookings.findByIdempotencyKey(tenant, "retried")).expectNext(stored.get(0))
                .expectComplete().verify(TIMEOUT);
    }

    private void assertExactlyOneWins(IntFunction<Booking> contender) {
        AtomicInteger refused = new AtomicInteger();

        List<Booking> stored = Flux.range(0, CONTENDERS)
                .flatMap(i -> bookings.add(contender.apply(i))
                        .subscribeOn(Schedulers.boundedElastic())
                        .onErrorResume(SlotTakenException.class, e -> {
                            refused.incrementAndGet();
                            return Mono.empty();
                        }), CONTENDERS)
                .collectList()
                .block(TIMEOUT);

        assertThat(stored).hasSize(1);
        assertThat(refused).hasValue(CONTENDERS - 1);
        StepVerifier.create(bookings.activeBetween(tenant, TEN.minusSeconds(86_400), TEN.plusSeconds(86_400)))
                .expectNext(stored.get(0)).expectComplete().verify(TIMEOUT);
    }

    private void assertActive(Instant from, Instant to, Booking... expected) {
        assertThat(bookings.activeBetween(tenant, from, to).collectList().block(TIMEOUT)).containsExactly(expected);
    }

    private void assertListed(Instant from, Instant to, BookingStatus status, long offset, int limit,
            Booking... expected) {
        assertThat(bookings.list(tenant, from, to, status, offset, limit).collectList().block(TIMEOUT))
                .containsExactly(expected);
    }

    private Booking added(Booking booking) {
        return bookings.add(booking).block(TIMEOUT);
    }

    /** A new booking request of {@code minutes} from {@code start}, by a visitor who gave no phone number or note. */
    private static Booking booking(TenantId tenantId, Instant start, int minutes) {
        return new Booking(BookingId.random(), tenantId, start, start.plusSeconds(60L * minutes), ANNA,
                BookingStatus.REQUESTED, 0, NOW, NOW, null, null);
    }

    private static Booking withKey(Booking booking, String idempotencyKey) {
        return new Booking(booking.id(), booking.tenantId(), booking.start(), booking.end(), booking.visitor(),
                booking.status(), booking.sequence(), booking.createdAt(), booking.updatedAt(), idempotencyKey,
                "ab".repeat(32));
    }

    /** Confirmed by the owner right after it was requested. */
    private static Booking confirmed(Booking booking) {
        return booking.confirm(NOW.plusMillis(1));
    }

    /** Cancelled right after it was requested. */
    private static Booking cancelled(Booking booking) {
        return booking.cancel(NOW.plusMillis(1));
    }

    private static Booking withId(Booking booking, UUID id) {
        return new Booking(new BookingId(id), booking.tenantId(), booking.start(), booking.end(), booking.visitor(),
                booking.status(), booking.sequence(), booking.createdAt(), booking.updatedAt(),
                booking.idempotencyKey(), booking.requestHash());
    }

    private static Booking withSequence(Booking booking, int sequence) {
        return new Booking(booking.id(), booking.tenantId(), booking.start(), booking.end(), booking.visitor(),
                booking.status(), sequence, booking.createdAt(), booking.updatedAt(), booking.idempotencyKey(),
                booking.requestHash());
    }

    /** The cancelled booking requested again, as a change the domain does not offer but a store must check. */
    private static Booking reactivated(Booking cancelled) {
        return new Booking(cancelled.id(), cancelled.tenantId(), cancelled.start(), cancelled.end(),
                cancelled.visitor(), BookingStatus.REQUESTED, cancelled.sequence() + 1, cancelled.createdAt(),
                NOW.plusSeconds(300), cancelled.idempotencyKey(), cancelled.requestHash());
    }

    /** {@code unit} repeated and then padded to exactly {@code length} characters, no surrogate pair cut apart. */
    private static String text(String unit, int length) {
        String repeated = unit.repeat(length / unit.length());
        return repeated + ".".repeat(length - repeated.length());
    }
}
