package dev.concierge.adapter.persistence.chat;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.booking.R2dbcBookings;
import dev.concierge.adapter.persistence.tenant.R2dbcTenants;
import dev.concierge.adapter.persistence.usage.R2dbcUsageCounters;
import dev.concierge.application.port.out.Bookings;
import dev.concierge.application.port.out.Conversations;
import dev.concierge.application.port.out.UsageCounters;
import dev.concierge.domain.booking.Booking;
import dev.concierge.domain.booking.BookingId;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.booking.SlotTakenException;
import dev.concierge.domain.booking.Visitor;
import dev.concierge.domain.chat.ChatMessage;
import dev.concierge.domain.chat.Conversation;
import dev.concierge.domain.chat.ConversationId;
import dev.concierge.domain.chat.MessageRole;
import dev.concierge.domain.chat.VisitorId;
import dev.concierge.domain.tenant.Tenant;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.test.StepVerifier;

/**
 * Migrations 9 and 10 (conversations, their messages, usage sums) on a database at version 8 that holds a tenant with
 * a booking: the booking keeps working, and the tenant can hold conversations, which go when it goes. Subclasses
 * provide a database of the test's own.
 */
abstract class ChatMigrationTestBase {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final Instant TEN = Instant.parse("2026-12-07T10:00:00Z");

    /** A new database of the test's own, migrated up to and including version 8. */
    protected abstract ConnectionFactory databaseAtVersion8();

    /** Applies the remaining migrations to the database of {@link #databaseAtVersion8()}. */
    protected abstract void migrateToLatest();

    @Test
    void bookingsStoredBeforeKeepWorkingAndTheTenantsHoldConversations() {
        ConnectionFactory database = databaseAtVersion8();
        Tenant tenant = R2dbcTenants.using(database, Clock.systemUTC()).add(activeTenant().build()).block(TIMEOUT);
        Bookings bookings = R2dbcBookings.using(database);
        Booking booking = bookings.add(booking(tenant)).block(TIMEOUT);

        migrateToLatest();

        StepVerifier.create(bookings.findById(tenant.id(), booking.id())).expectNext(booking).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(bookings.add(booking(tenant))).expectError(SlotTakenException.class).verify(TIMEOUT);
        Conversations conversations = R2dbcConversations.using(database);
        Conversation conversation = conversations.start(Conversation.start(ConversationId.random(), tenant.id(),
                new VisitorId("visitor-0001"), NOW)).block(TIMEOUT);
        ChatMessage question = new ChatMessage(MessageRole.USER, "Haben Sie am Montag einen Termin frei?",
                NOW.plusSeconds(1), 12);
        StepVerifier.create(conversations.append(tenant.id(), conversation.id(), question))
                .expectNext(new Conversation(conversation.id(), tenant.id(), conversation.visitorId(), NOW,
                        question.at(), 1))
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant.id(), conversation.id(), 10)).expectNext(question)
                .expectComplete().verify(TIMEOUT);
        UsageCounters usage = R2dbcUsageCounters.using(database);
        StepVerifier.create(usage.add("tokens:" + tenant.id(), 12, NOW, NOW.plusSeconds(86_400)).then(
                        usage.add("tokens:" + tenant.id(), 30, NOW, NOW.plusSeconds(86_400))))
                .expectNext(42L).expectComplete().verify(TIMEOUT);

        DatabaseClient.create(database).sql("DELETE FROM tenant WHERE id = :id").bind("id", tenant.id().value())
                .then().block(TIMEOUT);

        StepVerifier.create(conversations.find(tenant.id(), conversation.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(DatabaseClient.create(database).sql("SELECT COUNT(*) AS n FROM chat_message")
                        .map(row -> row.get("n", Long.class)).one())
                .expectNext(0L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(bookings.findById(tenant.id(), booking.id())).expectComplete().verify(TIMEOUT);
    }

    private static Booking booking(Tenant tenant) {
        return new Booking(BookingId.random(), tenant.id(), TEN, TEN.plusSeconds(1800),
                Visitor.of("Anna Müller", "anna@example.org", null, null), BookingStatus.REQUESTED, 0, NOW, NOW, null,
                null);
    }
}
