package dev.concierge.adapter.persistence.booking;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.availability.R2dbcAvailabilityRules;
import dev.concierge.adapter.persistence.mail.R2dbcMailOutbox;
import dev.concierge.adapter.persistence.tenant.R2dbcTenants;
import dev.concierge.adapter.persistence.token.R2dbcOneTimeTokens;
import dev.concierge.application.port.out.ClaimedMail;
import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.MailOutbox;
import dev.concierge.application.port.out.MailStatus;
import dev.concierge.application.port.out.OneTimeTokens;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.domain.booking.AvailabilityRule;
import dev.concierge.domain.booking.AvailabilityRuleId;
import dev.concierge.domain.booking.Booking;
import dev.concierge.domain.booking.BookingId;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.booking.Recurrence;
import dev.concierge.domain.booking.SlotTakenException;
import dev.concierge.domain.booking.Visitor;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.token.OneTimeToken;
import dev.concierge.domain.token.SecretToken;
import dev.concierge.domain.token.TokenPurpose;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/**
 * Migrations 7 and 8 (appointments, calendar invitations, the booking token purposes) on a database at version 6
 * that holds tenants, their tokens and queued mails: all of them keep working, and the new tables and purposes take
 * the tenants' rules, bookings and tokens. Subclasses provide a database of the test's own.
 */
abstract class AppointmentsMigrationTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final MailContent CONTENT = new MailContent("Passwort zurücksetzen", "Ihr Link: …",
            "<p>Ihr Link: …</p>");

    /** A new database of the test's own, migrated up to and including version 6. */
    protected abstract ConnectionFactory databaseAtVersion6();

    /** Applies the remaining migrations to the database of {@link #databaseAtVersion6()}. */
    protected abstract void migrateToLatest();

    @Test
    void tokensAndMailsStoredBeforeKeepWorkingAndTheTenantsTakeAppointments() {
        ConnectionFactory database = databaseAtVersion6();
        Tenant tenant = R2dbcTenants.using(database, Clock.systemUTC()).add(activeTenant().build()).block(TIMEOUT);
        OneTimeTokens tokens = R2dbcOneTimeTokens.using(database);
        OneTimeToken reset = OneTimeToken.issue(SecretToken.generate(), TokenPurpose.PASSWORD_RESET, tenant.id(),
                OneTimeToken.OWNER, NOW);
        tokens.add(reset).block(TIMEOUT);
        OutgoingMail queued = mail(tenant, null);
        queueAsVersion6Would(database, queued);

        migrateToLatest();

        StepVerifier.create(tokens.consume(reset.purpose(), reset.hash(), NOW)).expectNext(reset).expectComplete()
                .verify(TIMEOUT);
        MailOutbox outbox = R2dbcMailOutbox.using(database);
        StepVerifier.create(outbox.claimDue(NOW, Duration.ofMinutes(5), 10)).expectNext(new ClaimedMail(queued, 1))
                .expectComplete().verify(TIMEOUT);
        outbox.markSent(queued.id(), NOW).block(TIMEOUT);
        StepVerifier.create(outbox.findById(queued.id()))
                .assertNext(entry -> assertThat(entry.status()).isEqualTo(MailStatus.SENT)).expectComplete()
                .verify(TIMEOUT);

        OneTimeToken confirm = OneTimeToken.issue(SecretToken.generate(), TokenPurpose.BOOKING_CONFIRM, tenant.id(),
                "booking", NOW);
        StepVerifier.create(tokens.add(confirm).then(tokens.find(confirm.purpose(), confirm.hash(), NOW)))
                .expectNext(confirm).expectComplete().verify(TIMEOUT);
        AvailabilityRule rule = new AvailabilityRule(AvailabilityRuleId.random(), LocalDate.parse("2026-12-07"),
                LocalTime.of(10, 0), Duration.ofMinutes(30), Recurrence.WEEKLY, null);
        StepVerifier.create(R2dbcAvailabilityRules.using(database).add(tenant.id(), rule)).expectNext(rule)
                .expectComplete().verify(TIMEOUT);
        Instant start = Instant.parse("2026-12-07T09:00:00Z");
        Booking booking = new Booking(BookingId.random(), tenant.id(), start, start.plus(rule.duration()),
                Visitor.of("Anna Müller", "anna@example.org", null, null), BookingStatus.REQUESTED, 0, NOW, NOW, null,
                null);
        R2dbcBookings bookings = R2dbcBookings.using(database);
        StepVerifier.create(bookings.add(booking)).expectNext(booking).expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.add(new Booking(BookingId.random(), tenant.id(), start,
                        start.plus(rule.duration()), booking.visitor(), BookingStatus.REQUESTED, 0, NOW, NOW, null,
                        null)))
                .expectError(SlotTakenException.class).verify(TIMEOUT);
        OutgoingMail invitation = mail(tenant, "BEGIN:VCALENDAR\r\nMETHOD:REQUEST\r\nEND:VCALENDAR\r\n");
        outbox.enqueue(invitation).block(TIMEOUT);
        StepVerifier.create(outbox.claimDue(NOW, Duration.ofMinutes(5), 10))
                .expectNext(new ClaimedMail(invitation, 1)).expectComplete().verify(TIMEOUT);
    }

    private static OutgoingMail mail(Tenant tenant, String calendar) {
        UUID id = UUID.randomUUID();
        return new OutgoingMail(id, "<" + id + "@concierge.example>", tenant.id(),
                EmailAddress.of("owner@bakery.example"), new MailContent(CONTENT.subject(), CONTENT.text(),
                        CONTENT.html(), calendar), NOW);
    }

    /** Queues {@code mail} in the outbox's columns of version 6. */
    private static void queueAsVersion6Would(ConnectionFactory database, OutgoingMail mail) {
        OffsetDateTime createdAt = OffsetDateTime.ofInstant(mail.createdAt(), ZoneOffset.UTC);
        DatabaseClient.create(database)
                .sql("INSERT INTO mail_outbox (id, message_id, tenant_id, recipient, subject, text_body, html_body,"
                        + " status, attempts, created_at, next_attempt_at) VALUES (:id, :messageId, :tenantId,"
                        + " :recipient, :subject, :textBody, :htmlBody, 'PENDING', 0, :createdAt, :createdAt)")
                .bind("id", mail.id())
                .bind("messageId", mail.messageId())
                .bind("tenantId", mail.tenantId().value())
                .bind("recipient", mail.to().value())
                .bind("subject", mail.content().subject())
                .bind("textBody", mail.content().text())
                .bind("htmlBody", mail.content().html())
                .bind("createdAt", createdAt)
                .then()
                .block(TIMEOUT);
    }
}
