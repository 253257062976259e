package dev.concierge.adapter.persistence.chat;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.support.Dialect;
import dev.concierge.adapter.persistence.tenant.R2dbcTenants;
import dev.concierge.adapter.persistence.transaction.R2dbcTransactions;
import dev.concierge.application.port.out.Conversations;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.application.testing.ConversationsContractTest;
import dev.concierge.application.testing.InMemoryConversations;
import dev.concierge.domain.chat.ChatMessage;
import dev.concierge.domain.chat.Conversation;
import dev.concierge.domain.chat.ConversationId;
import dev.concierge.domain.chat.MessageRole;
import dev.concierge.domain.chat.VisitorId;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantId;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
 * The {@link Conversations} contract plus what is specific to a database: conversations and their messages go with
 * their tenant, the checks hold, an append waits for another transaction's append and continues after it, instants are
 * kept to the microsecond, statements run on non-blocking threads and the tenant's conversations are listed in the
 * order of the index. Subclasses provide a migrated, empty database.
 */
abstract class R2dbcConversationsTestBase extends ConversationsContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final VisitorId VISITOR = new VisitorId("visitor-0001");

    /** A connection factory for a migrated database without conversations or tenants. */
    protected abstract ConnectionFactory connectionFactory();

    /** Makes the database prefer an index it could use over reading the whole (tiny) table, for the current transaction. */
    protected abstract Mono<Void> preferIndexes(DatabaseClient database);

    @Override
    protected Conversations conversations() {
        return R2dbcConversations.using(connectionFactory());
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
    void theStoreKeepsAsMuchContentAsTheInMemoryStoreAndTheContractTestAssume() {
        assertThat(R2dbcConversations.MAX_CONTENT_LENGTH).isEqualTo(InMemoryConversations.MAX_CONTENT_LENGTH);
    }

    @Test
    void conversationsAndTheirMessagesGoWithTheirTenant() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        Conversations conversations = conversations();
        Conversation conversation = started(conversations, tenant.id());
        conversations.append(tenant.id(), conversation.id(), hello(NOW)).block(TIMEOUT);

        database().sql("DELETE FROM tenant WHERE id = :id").bind("id", tenant.id().value()).then().block(TIMEOUT);

        StepVerifier.create(conversations.find(tenant.id(), conversation.id())).expectComplete().verify(TIMEOUT);
        assertThat(countRows("chat_message")).isZero();
    }

    @Test
    void deletingAConversationRowDeletesItsMessagesWhoeverDeletesIt() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        Conversations conversations = conversations();
        Conversation doomed = started(conversations, tenant.id());
        Conversation kept = started(conversations, tenant.id());
        conversations.append(tenant.id(), doomed.id(), hello(NOW)).block(TIMEOUT);
        conversations.append(tenant.id(), kept.id(), hello(NOW)).block(TIMEOUT);

        database().sql("DELETE FROM conversation WHERE id = :id").bind("id", doomed.id().value()).then()
                .block(TIMEOUT);

        assertThat(countRows("chat_message")).isOne();
    }

    @Test
    void aConversationOfAnUnknownTenantIsRefused() {
        StepVerifier.create(conversations().start(Conversation.start(ConversationId.random(), TenantId.random(),
                        VISITOR, NOW)))
                .expectError(DataIntegrityViolationException.class).verify(TIMEOUT);
    }

    @Test
    void checkConstraintsRefuseWhatTheDomainDoesNot() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        Conversations conversations = conversations();
        Conversation conversation = started(conversations, tenant.id());
        ChatMessage hello = hello(NOW);
        conversations.append(tenant.id(), conversation.id(), hello).block(TIMEOUT);

        for (String change : List.of("role = 'SYSTEM'", "tokens = -1", "seq = 0")) {
            StepVerifier.create(database().sql("UPDATE chat_message SET " + change + " WHERE conversation_id = :id")
                            .bind("id", conversation.id().value()).fetch().rowsUpdated())
                    .expectError(DataIntegrityViolationException.class).verify(TIMEOUT);
        }
        StepVerifier.create(database().sql("UPDATE conversation SET message_count = -1 WHERE id = :id")
                        .bind("id", conversation.id().value()).fetch().rowsUpdated())
                .expectError(DataIntegrityViolationException.class).verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant.id(), conversation.id(), 10)).expectNext(hello)
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void everyRoleIsAcceptedByTheDatabase() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        Conversations conversations = conversations();
        Conversation conversation = started(conversations, tenant.id());
        List<ChatMessage> messages = Flux.fromArray(MessageRole.values())
                .map(role -> new ChatMessage(role, role.name(), NOW, 1))
                .concatMap(message -> conversations.append(tenant.id(), conversation.id(), message)
                        .thenReturn(message))
                .collectList()
                .block(TIMEOUT);

        StepVerifier.create(conversations.messages(tenant.id(), conversation.id(), 10))
                .expectNextSequence(messages).expectComplete().verify(TIMEOUT);
    }

    @Test
    void anAppendMeetingAnotherTransactionsAppendWaitsAndComesAfterIt() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        Conversations conversations = conversations();
        Conversation conversation = started(conversations, tenant.id());
        ChatMessage first = new ChatMessage(MessageRole.USER, "first", NOW, 1);
        ChatMessage second = new ChatMessage(MessageRole.ASSISTANT, "second", NOW, 1);
        // The first appends and keeps its transaction open a while; the second comes meanwhile, reads the count the
        // first has not committed yet, and must wait for it and then append after it rather than fail or overwrite.
        Mono<Conversation> slow = transactions().inTransaction(conversations.append(tenant.id(), conversation.id(),
                first).delayUntil(appended -> Mono.delay(Duration.ofMillis(500))));
        Mono<Conversation> meanwhile = Mono.delay(Duration.ofMillis(100))
                .then(conversations.append(tenant.id(), conversation.id(), second)
                        .subscribeOn(Schedulers.boundedElastic()));

        List<Integer> counts = Flux.merge(slow, meanwhile).map(Conversation::messageCount).collectList()
                .block(TIMEOUT);

        assertThat(counts).containsExactlyInAnyOrder(1, 2);
        StepVerifier.create(conversations.messages(tenant.id(), conversation.id(), 10)).expectNext(first, second)
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void instantsAreKeptToTheMicrosecond() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        Conversations conversations = conversations();
        Conversation conversation = conversations.start(Conversation.start(ConversationId.random(), tenant.id(),
                VISITOR, NOW.plusNanos(123_456_789))).block(TIMEOUT);
        conversations.append(tenant.id(), conversation.id(), hello(NOW.plusNanos(999_999_999))).block(TIMEOUT);

        StepVerifier.create(conversations.find(tenant.id(), conversation.id()))
                .assertNext(found -> {
                    assertThat(found.createdAt()).isEqualTo(NOW.plusNanos(123_456_000));
                    assertThat(found.lastMessageAt()).isEqualTo(NOW.plusNanos(999_999_000));
                }).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant.id(), conversation.id(), 1))
                .assertNext(message -> assertThat(message.at()).isEqualTo(NOW.plusNanos(999_999_000)))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void worksWhenCalledFromANonBlockingThread() {
        Tenant tenant = tenants().add(activeTenant().build()).block(TIMEOUT);
        Conversations conversations = conversations();
        Conversation conversation = Conversation.start(ConversationId.random(), tenant.id(), VISITOR, NOW);

        // Mono.delay emits on Reactor's parallel scheduler, whose threads BlockHound treats as non-blocking.
        Mono<Long> flow = Mono.delay(Duration.ofMillis(1))
                .then(conversations.start(conversation))
                .then(conversations.start(conversation).onErrorResume(IllegalStateException.class, e -> Mono.empty()))
                .then(conversations.append(tenant.id(), conversation.id(), hello(NOW)))
                .then(conversations.find(tenant.id(), conversation.id()))
                .thenMany(conversations.messages(tenant.id(), conversation.id(), 10))
                .thenMany(conversations.list(tenant.id(), 0, 10))
                .then(conversations.delete(tenant.id(), ConversationId.random()))
                .then(conversations.count(tenant.id()));

        StepVerifier.create(flow).expectNext(1L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aTenantsConversationsAreListedInTheOrderOfTheIndexWithoutSorting() {
        Dialect dialect = Dialect.of(connectionFactory());
        String explained = plan(R2dbcConversations.listFor(dialect),
                Map.of("tenantId", UUID.randomUUID(), "offset", 20L, "limit", 10));

        assertThat(explained).containsIgnoringCase("ix_conversation_tenant_last_message");
        // PostgreSQL would show a Sort node, H2 how many of the ordering columns its index gives ("sorted: 1 of 3").
        assertThat(explained).doesNotContain("Sort").doesNotContain("sorted:");
    }

    private String plan(String statement, Map<String, Object> parameters) {
        DatabaseClient database = database();
        Mono<String> plan = preferIndexes(database).then(database.sql("EXPLAIN " + statement)
                .bindValues(parameters)
                .map(row -> row.get(0, String.class))
                .all()
                .reduce("", (text, line) -> text + line + "\n"));
        return R2dbcTransactions.using(connectionFactory()).inTransaction(plan).block(TIMEOUT);
    }

    private DatabaseClient database() {
        return DatabaseClient.create(connectionFactory());
    }

    private long countRows(String table) {
        return database().sql("SELECT COUNT(*) AS n FROM " + table).map(row -> row.get("n", Long.class)).one()
                .block(TIMEOUT);
    }

    private static Conversation started(Conversations conversations, TenantId tenantId) {
        return conversations.start(Conversation.start(ConversationId.random(), tenantId, VISITOR, NOW))
                .block(TIMEOUT);
    }

    private static ChatMessage hello(Instant at) {
        return new ChatMessage(MessageRole.USER, "Hallo", at, 2);
    }
}
