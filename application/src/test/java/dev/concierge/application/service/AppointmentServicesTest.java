package dev.concierge.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.in.AvailabilityForm;
import dev.concierge.application.port.in.BookSlotUseCase.Booked;
import dev.concierge.application.port.in.BookingAction;
import dev.concierge.application.port.in.BookingForm;
import dev.concierge.application.port.in.Caller;
import dev.concierge.application.port.in.PublishedWidget;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.application.testing.InMemoryAvailabilityRules;
import dev.concierge.application.testing.InMemoryBookings;
import dev.concierge.application.testing.InMemoryOneTimeTokens;
import dev.concierge.application.testing.InMemoryTenants;
import dev.concierge.application.testing.InMemoryTransactions;
import dev.concierge.application.testing.TestClock;
import dev.concierge.application.testing.TestMail;
import dev.concierge.domain.booking.AvailabilityClashException;
import dev.concierge.domain.booking.Booking;
import dev.concierge.domain.booking.BookingNotFoundException;
import dev.concierge.domain.booking.BookingPolicy;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.booking.BookingStatusConflictException;
import dev.concierge.domain.booking.IdempotencyKeyReusedException;
import dev.concierge.domain.booking.SlotTakenException;
import dev.concierge.domain.shared.ValidationException;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantFixtures;
import dev.concierge.domain.tenant.TenantSettings;
import dev.concierge.domain.token.TokenNotValidException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

class AppointmentServicesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Pattern LINK = Pattern.compile("https://concierge\\.example/api/v1/bookings/([0-9a-f-]{36})/"
            + "(confirm|cancel)\\?token=([A-Za-z0-9_-]{43})");

    private final TestClock clock = new TestClock(Instant.parse("2026-11-27T10:00:00Z"));
    private final InMemoryTenants tenants = new InMemoryTenants();
    private final InMemoryAvailabilityRules rules = new InMemoryAvailabilityRules();
    private final InMemoryBookings bookings = new InMemoryBookings();
    private final InMemoryOneTimeTokens tokens = new InMemoryOneTimeTokens();
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final TestMail mail = new TestMail(clock);
    private final AvailabilityService availability = new AvailabilityService(rules);
    private final FreeSlotsService slots = new FreeSlotsService(rules, bookings, BookingPolicy.defaults(), clock);
    private final BookSlotService book = new BookSlotService(tenants, rules, bookings, slots, tokens, mail.mailer,
            mail.links, transactions, clock);
    private final BookingDecisionService decisions = new BookingDecisionService(tenants, bookings, tokens,
            mail.mailer, mail.links, transactions, clock);
    private final Tenant tenant = tenants.add(withAppointments(TenantFixtures.activeTenant().build(), true)).block();
    private final Caller.OwnerCaller owner = new Caller.OwnerCaller(tenant.id());
    private final PublishedWidget widget = PublishedWidget.of(tenant);

    private static Tenant withAppointments(Tenant tenant, boolean enabled) {
        TenantSettings current = tenant.settings();
        return tenant.withSettings(new TenantSettings(current.displayName(), current.branding(),
                current.systemPrompt(), current.language(), current.allowedOrigins(), enabled, BERLIN));
    }

    private void mondaysAtTen() {
        availability.create(owner, new AvailabilityForm("2026-11-30", "10:00", 30, "WEEKLY", null)).block();
    }

    private static BookingForm form(String start, String name) {
        return new BookingForm(start, name, "ada@example.com", null, "First visit");
    }

    private static String link(OutgoingMail mail, String action) {
        Matcher matcher = LINK.matcher(mail.content().text());
        while (matcher.find()) {
            if (matcher.group(2).equals(action)) {
                return matcher.group(3);
            }
        }
        throw new AssertionError("no " + action + " link in " + mail.content().text());
    }

    @Test
    void identicalRulesAreStoredOnceAndOverlappingOnesAreRefusedNamingTheClash() {
        assertThat(availability.create(owner, new AvailabilityForm("2026-11-30", "10:00", 30, "WEEKLY", null))
                .block().created()).isTrue();
        assertThat(availability.create(owner, new AvailabilityForm("2026-11-30", "10:00", 30, "WEEKLY", null))
                .block().created()).isFalse();

        StepVerifier.create(availability.create(owner,
                        new AvailabilityForm("2026-12-01", "10:15", 30, "DAILY", null)))
                .expectErrorSatisfies(error -> assertThat(error).isInstanceOf(AvailabilityClashException.class)
                        .hasMessageContaining("2026-12-07"))
                .verify();
        assertThat(availability.list(owner).collectList().block()).hasSize(1);
    }

    @Test
    void freeSlotsLeaveOutBookedOccurrencesAndThoseTooSoon() {
        mondaysAtTen();
        clock.set(Instant.parse("2026-11-30T08:30:00Z"));

        Instant to = Instant.parse("2026-12-15T00:00:00Z");
        List<Instant> free = slots.freeSlots(widget, null, to).block().slots().stream().map(s -> s.start()).toList();

        assertThat(free).as("today's 10:00 Berlin is 09:00 UTC, within the hour's lead time").containsExactly(
                Instant.parse("2026-12-07T09:00:00Z"), Instant.parse("2026-12-14T09:00:00Z"));
        book.book(widget, form("2026-12-07T09:00:00Z", "Ada"), null).block();
        assertThat(slots.freeSlots(widget, null, to).block().slots()).extracting(s -> s.start())
                .as("one Monday booked, the next still free").containsExactly(Instant.parse("2026-12-14T09:00:00Z"));
        assertThat(slots.freeSlots(widget, null, null).block().slots()).as("the default window is 14 days")
                .isEmpty();
    }

    @Test
    void aBookingIsRequestedAndMailsBothSidesWithTheirLinksAndInvitations() {
        mondaysAtTen();

        Booked booked = book.book(widget, form("2026-11-30T10:00:00+01:00", "Ada"), null).block();

        assertThat(booked.booking().status()).isEqualTo(BookingStatus.REQUESTED);
        assertThat(booked.replayed()).isFalse();
        List<OutgoingMail> mails = mail.take();
        assertThat(mails).extracting(OutgoingMail::to).containsExactlyInAnyOrder(tenant.owner().email(),
                booked.booking().visitor().email());
        OutgoingMail toOwner = mails.stream().filter(m -> m.to().equals(tenant.owner().email())).findFirst().get();
        assertThat(link(toOwner, "confirm")).isNotEqualTo(link(toOwner, "cancel"));
        assertThat(toOwner.content().subject()).isEqualTo("BookingRequested");
    }

    @Test
    void aTakenSlotIsAConflictAndCancellingFreesIt() {
        mondaysAtTen();
        Booking first = book.book(widget, form("2026-11-30T09:00:00Z", "Ada"), null).block().booking();

        StepVerifier.create(book.book(widget, form("2026-11-30T09:00:00Z", "Bob"), null))
                .expectError(SlotTakenException.class).verify();

        decisions.cancel(owner, first.id()).block();
        assertThat(slots.freeSlots(widget, null, null).block().slots()).extracting(s -> s.start())
                .contains(Instant.parse("2026-11-30T09:00:00Z"));
        assertThat(book.book(widget, form("2026-11-30T09:00:00Z", "Bob"), null).block().booking().status())
                .isEqualTo(BookingStatus.REQUESTED);
    }

    @Test
    void aStartThatIsNoOccurrenceOrInThePastIsInvalid() {
        mondaysAtTen();
        for (String start : List.of("2026-11-30T09:15:00Z", "2026-11-23T09:00:00Z", "2026-12-01T09:00:00Z",
                "yesterday")) {
            StepVerifier.create(book.book(widget, form(start, "Ada"), null))
                    .expectErrorSatisfies(error -> assertThat(((ValidationException) error).violations())
                            .extracting(v -> v.field()).containsExactly("start"))
                    .verify();
        }
        assertThat(bookings.count(tenant.id(), Instant.EPOCH, Instant.parse("2030-01-01T00:00:00Z"), null).block())
                .isZero();
    }

    @Test
    void anIdempotencyKeyReplaysTheFirstAnswerAndRefusesAnotherBody() {
        mondaysAtTen();
        Booked first = book.book(widget, form("2026-11-30T09:00:00Z", "Ada"), "retry-1").block();

        Booked again = book.book(widget, form("2026-11-30T09:00:00Z", "Ada"), "retry-1").block();

        assertThat(again.replayed()).isTrue();
        assertThat(again.booking()).isEqualTo(first.booking());
        assertThat(mail.take()).as("the replay mails nothing").hasSize(2);
        StepVerifier.create(book.book(widget, form("2026-12-07T09:00:00Z", "Ada"), "retry-1"))
                .expectError(IdempotencyKeyReusedException.class).verify();
        StepVerifier.create(book.book(widget, form("2026-12-07T09:00:00Z", "Ada"), "bad key with spaces"))
                .expectError(ValidationException.class).verify();
    }

    @Test
    void whenAppointmentsAreOffTheEndpointsAnswerNotFound() {
        mondaysAtTen();
        PublishedWidget off = PublishedWidget.of(withAppointments(tenant, false));

        StepVerifier.create(slots.freeSlots(off, null, null)).expectError(BookingNotFoundException.class).verify();
        StepVerifier.create(book.book(off, form("2026-11-30T09:00:00Z", "Ada"), null))
                .expectError(BookingNotFoundException.class).verify();
    }

    @Test
    void theOwnersLinksShowBeforeTheyActAndWorkOnce() {
        mondaysAtTen();
        Booking booking = book.book(widget, form("2026-11-30T09:00:00Z", "Ada"), null).block().booking();
        OutgoingMail toOwner = mail.take().stream().filter(m -> m.to().equals(tenant.owner().email())).findFirst()
                .get();
        String confirm = link(toOwner, "confirm");

        assertThat(decisions.preview(booking.id(), BookingAction.CONFIRM, confirm).block().booking().status())
                .as("looking changes nothing").isEqualTo(BookingStatus.REQUESTED);
        StepVerifier.create(decisions.preview(booking.id(), BookingAction.CANCEL, confirm))
                .as("a confirm token does not cancel").expectError(TokenNotValidException.class).verify();

        assertThat(decisions.perform(booking.id(), BookingAction.CONFIRM, confirm).block().booking().status())
                .isEqualTo(BookingStatus.CONFIRMED);
        StepVerifier.create(decisions.perform(booking.id(), BookingAction.CONFIRM, confirm))
                .expectError(TokenNotValidException.class).verify();
        OutgoingMail confirmed = mail.take().get(0);
        assertThat(confirmed.to()).isEqualTo(booking.visitor().email());
        assertThat(confirmed.content().subject()).isEqualTo("BookingConfirmed");
    }

    @Test
    void theReceiptsCancelLinkStillWorksAfterTheOwnerConfirmed() {
        mondaysAtTen();
        Booking booking = book.book(widget, form("2026-11-30T09:00:00Z", "Ada"), null).block().booking();
        String receiptCancel = link(mail.take().stream().filter(m -> m.to().equals(booking.visitor().email()))
                .findFirst().get(), "cancel");

        decisions.confirm(owner, booking.id()).block();

        assertThat(decisions.perform(booking.id(), BookingAction.CANCEL, receiptCancel).block().booking().status())
                .isEqualTo(BookingStatus.CANCELLED);
    }

    @Test
    void theVisitorCancelsFromTheReceiptAndBothSidesAreTold() {
        mondaysAtTen();
        Booking booking = book.book(widget, form("2026-11-30T09:00:00Z", "Ada"), null).block().booking();
        OutgoingMail receipt = mail.take().stream().filter(m -> m.to().equals(booking.visitor().email())).findFirst()
                .get();

        decisions.perform(booking.id(), BookingAction.CANCEL, link(receipt, "cancel")).block();

        assertThat(bookings.findById(tenant.id(), booking.id()).block().status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(mail.take()).extracting(m -> m.content().text()).allMatch(text -> text.contains("byVisitor=true"))
                .hasSize(2);
        StepVerifier.create(decisions.confirm(owner, booking.id()))
                .expectError(BookingStatusConflictException.class).verify();
    }

    @Test
    void anotherTenantsOwnerCannotTouchABooking() {
        mondaysAtTen();
        Booking booking = book.book(widget, form("2026-11-30T09:00:00Z", "Ada"), null).block().booking();
        Tenant other = tenants.add(TenantFixtures.activeTenant().withClientKey("other-shop")
                .withOwnerEmail("other@shop.example").build()).block();

        StepVerifier.create(decisions.cancel(new Caller.OwnerCaller(other.id()), booking.id()))
                .expectError(BookingNotFoundException.class).verify();
        assertThat(decisions.list(owner, null, null, null, 0, 10).block().items()).hasSize(1);
        assertThat(decisions.list(new Caller.OwnerCaller(other.id()), null, null, null, 0, 10).block().items())
                .isEmpty();
        assertThat(decisions.list(owner, null, null, BookingStatus.CANCELLED, 0, 10).block().total()).isZero();
        StepVerifier.create(decisions.list(owner, Instant.EPOCH, Instant.EPOCH.plus(Duration.ofDays(400)), null, 0,
                10)).expectError(ValidationException.class).verify();
    }
}
