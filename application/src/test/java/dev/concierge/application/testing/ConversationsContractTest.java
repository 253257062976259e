package dev.concierge.application.testing;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.application.port.out.Conversations;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.chat.ChatMessage;
import dev.concierge.domain.chat.Conversation;
import dev.concierge.domain.chat.ConversationId;
import dev.concierge.domain.chat.ConversationNotFoundException;
import dev.concierge.domain.chat.MessageRole;
import dev.concierge.domain.chat.VisitorId;
import dev.concierge.domain.tenant.TenantId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;

/**
 * What every implementation of {@link Conversations} must do. Subclasses provide an empty store per test, the
 * transactions it takes part in, and the tenant store of the same implementation: the conversations' tenants are
 * stored there first, as a database's foreign keys need. Instants are whole milliseconds, which every store keeps
 * exactly.
 *
 * <p>Besides the port's promises, every store holds the same limits (see {@link InMemoryConversations}): content of at
 * most {@link InMemoryConversations#MAX_CONTENT_LENGTH} characters of well-formed text without U+0000, a new
 * conversation without messages, a limit of at least 1 and an offset of at least 0, each refused with
 * {@link IllegalArgumentException} before anything is written.
 */
public abstract class ConversationsContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00.123Z");
    private static final VisitorId VISITOR = new VisitorId("visitor-0001");
    private static final int CONTENDERS = 20;

    private Conversations conversations;
    private Transactions transactions;
    private TenantId tenant;
    private TenantId otherTenant;

    /** A store holding no conversations; called once per test. */
    protected abstract Conversations conversations();

    /** Transactions that the store of {@link #conversations()} takes part in; called once per test. */
    protected abstract Transactions transactions();

    /** The tenant store of the same implementation, where the conversations' tenants are added; once per test. */
    protected abstract Tenants tenants();

    @BeforeEach
    void storeTwoTenants() {
        conversations = conversations();
        transactions = transactions();
        Tenants tenants = tenants();
        tenant = tenants.add(activeTenant().build()).block(TIMEOUT).id();
        otherTenant = tenants.add(activeTenant().build()).block(TIMEOUT).id();
    }

    @Test
    void aStartedConversationIsFoundExactlyAsStored() {
        Conversation conversation = Conversation.start(ConversationId.random(), tenant,
                new VisitorId("v".repeat(32) + "-_0123456789ABCDEFGHIJKLMNOPQRST"), NOW);
        assertThat(conversation.visitorId().value()).hasSize(64);

        StepVerifier.create(conversations.start(conversation)).expectNext(conversation).expectComplete()
                .verify(TIMEOUT);

        StepVerifier.create(conversations.find(tenant, conversation.id())).expectNext(conversation).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant, conversation.id(), 10)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.count(tenant)).expectNext(1L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void unknownConversationsAreEmptyAndAppendingToOneIsRefused() {
        started(tenant, NOW);
        ConversationId unknown = ConversationId.random();

        StepVerifier.create(conversations.find(tenant, unknown)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant, unknown, 10)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.append(tenant, unknown, message(MessageRole.USER, "Hallo", NOW)))
                .expectError(ConversationNotFoundException.class).verify(TIMEOUT);
        StepVerifier.create(conversations.delete(tenant, unknown)).expectNext(false).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant, unknown, 10)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void anotherTenantsConversationIsNeverFoundListedChangedOrDeleted() {
        Conversation theirs = started(tenant, NOW);
        ChatMessage hello = message(MessageRole.USER, "Hallo", NOW.plusSeconds(1));
        Conversation withMessage = appended(tenant, theirs.id(), hello);

        StepVerifier.create(conversations.find(otherTenant, theirs.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.messages(otherTenant, theirs.id(), 10)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.list(otherTenant, 0, 10)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.count(otherTenant)).expectNext(0L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.append(otherTenant, theirs.id(),
                        message(MessageRole.USER, "Sneaked in", NOW.plusSeconds(2))))
                .expectError(ConversationNotFoundException.class).verify(TIMEOUT);
        StepVerifier.create(conversations.delete(otherTenant, theirs.id())).expectNext(false).expectComplete()
                .verify(TIMEOUT);

        StepVerifier.create(conversations.find(tenant, theirs.id())).expectNext(withMessage).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant, theirs.id(), 10)).expectNext(hello).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void anAppendMovesTheLastMessageTimeAndTheCountAlong() {
        Conversation started = started(tenant, NOW);
        ChatMessage question = message(MessageRole.USER, "Haben Sie morgen offen?", NOW.plusSeconds(5));
        ChatMessage answer = message(MessageRole.ASSISTANT, "Ja, ab 7 Uhr.", NOW.plusSeconds(7));

        Conversation afterQuestion = appended(tenant, started.id(), question);
        Conversation afterAnswer = appended(tenant, started.id(), answer);

        assertThat(afterQuestion).isEqualTo(new Conversation(started.id(), tenant, started.visitorId(), NOW,
                question.at(), 1));
        assertThat(afterAnswer).isEqualTo(new Conversation(started.id(), tenant, started.visitorId(), NOW,
                answer.at(), 2));
        StepVerifier.create(conversations.find(tenant, started.id())).expectNext(afterAnswer).expectComplete()
                .verify(TIMEOUT);
    }

    /** An instance whose clock is behind may stamp a message earlier than the last one: it still counts, last. */
    @Test
    void aMessageStampedEarlierComesLastButLeavesTheLastMessageTime() {
        Conversation started = started(tenant, NOW);
        ChatMessage later = message(MessageRole.USER, "later", NOW.plusSeconds(60));
        ChatMessage earlier = message(MessageRole.ASSISTANT, "earlier", NOW.plusSeconds(30));
        appended(tenant, started.id(), later);

        Conversation after = appended(tenant, started.id(), earlier);

        assertThat(after.lastMessageAt()).isEqualTo(later.at());
        assertThat(after.messageCount()).isEqualTo(2);
        StepVerifier.create(conversations.messages(tenant, started.id(), 10)).expectNext(later, earlier)
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void messagesComeBackInTheOrderTheyWereAppendedAlsoWhenStampedAtTheSameInstant() {
        Conversation started = started(tenant, NOW);
        // Contents and roles that sort differently from the append order, all at one instant.
        List<ChatMessage> appended = List.of(message(MessageRole.USER, "c", NOW), message(MessageRole.TOOL, "a", NOW),
                message(MessageRole.ASSISTANT, "b", NOW), message(MessageRole.USER, "a", NOW),
                message(MessageRole.USER, "c", NOW.plusMillis(1)), message(MessageRole.ASSISTANT, "0", NOW));
        appended.forEach(message -> appended(tenant, started.id(), message));

        assertThat(conversations.messages(tenant, started.id(), 100).collectList().block(TIMEOUT))
                .containsExactlyElementsOf(appended);
    }

    @Test
    void aLimitGivesTheNewestMessagesInTheOrderTheyWereAppended() {
        Conversation started = started(tenant, NOW);
        List<ChatMessage> appended = IntStream.range(0, 5)
                .mapToObj(i -> message(i % 2 == 0 ? MessageRole.USER : MessageRole.ASSISTANT, "message " + i, NOW))
                .toList();
        appended.forEach(message -> appended(tenant, started.id(), message));

        assertMessages(started.id(), 1, appended.get(4));
        assertMessages(started.id(), 2, appended.get(3), appended.get(4));
        assertMessages(started.id(), 4, appended.subList(1, 5).toArray(ChatMessage[]::new));
        assertMessages(started.id(), 5, appended.toArray(ChatMessage[]::new));
        assertMessages(started.id(), Integer.MAX_VALUE, appended.toArray(ChatMessage[]::new));
    }

    @Test
    void aLimitBelowOneIsRefused() {
        Conversation started = started(tenant, NOW);

        StepVerifier.create(conversations.messages(tenant, started.id(), 0))
                .expectError(IllegalArgumentException.class).verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant, started.id(), -1))
                .expectError(IllegalArgumentException.class).verify(TIMEOUT);
    }

    @Test
    void contentTokensAndRolesAreKeptExactlyUpToTheLongestContent() {
        Conversation started = started(tenant, NOW);
        String longest = text("Grüß Gott, Herr Müller! Ein Croissant \uD83E\uDD50 und Kaffee ☕ – „gern“.\n\t",
                InMemoryConversations.MAX_CONTENT_LENGTH);
        assertThat(longest).hasSize(InMemoryConversations.MAX_CONTENT_LENGTH);
        List<ChatMessage> appended = List.of(
                new ChatMessage(MessageRole.USER, longest, NOW.plusMillis(1), 0),
                new ChatMessage(MessageRole.ASSISTANT, "", NOW.plusMillis(2), Integer.MAX_VALUE),
                new ChatMessage(MessageRole.TOOL, "{\"slots\":[\"2026-12-07T10:00:00Z\"]}", NOW.plusMillis(3), 17),
                new ChatMessage(MessageRole.ASSISTANT, "  'quoted' \"twice\" \\ back; -- DROP TABLE ", NOW.plusMillis(4),
                        1));
        appended.forEach(message -> appended(tenant, started.id(), message));

        assertThat(conversations.messages(tenant, started.id(), 10).collectList().block(TIMEOUT))
                .containsExactlyElementsOf(appended);
    }

    @Test
    void contentLongerThanTheStoresKeepIsRefusedAndNothingOfItStored() {
        Conversation started = started(tenant, NOW);
        ChatMessage tooLong = message(MessageRole.ASSISTANT, "x".repeat(InMemoryConversations.MAX_CONTENT_LENGTH + 1),
                NOW.plusSeconds(1));

        StepVerifier.create(conversations.append(tenant, started.id(), tooLong))
                .expectError(IllegalArgumentException.class).verify(TIMEOUT);

        StepVerifier.create(conversations.find(tenant, started.id())).expectNext(started).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant, started.id(), 10)).expectComplete().verify(TIMEOUT);
    }

    /** PostgreSQL refuses U+0000; both databases would store half of a surrogate pair as a question mark. */
    @Test
    void contentThatTheDatabasesCannotKeepExactlyIsRefusedAndNothingOfItStored() {
        Conversation started = started(tenant, NOW);

        for (String content : List.of("nul \u0000 inside", "high \uD83E alone", "low \uDD50 alone", "\uDD50\uD83E")) {
            StepVerifier.create(conversations.append(tenant, started.id(), message(MessageRole.USER, content, NOW)))
                    .expectError(IllegalArgumentException.class).verify(TIMEOUT);
        }

        StepVerifier.create(conversations.find(tenant, started.id())).expectNext(started).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant, started.id(), 10)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void openingStoresTheConversationWithItsFirstMessageAndAppendsCountOnFromIt() {
        Conversation fresh = Conversation.start(ConversationId.random(), tenant, VISITOR, NOW);
        ChatMessage hello = message(MessageRole.USER, "Haben Sie Roggenbrot?", NOW.plusSeconds(1));
        Conversation opened = new Conversation(fresh.id(), tenant, VISITOR, NOW, hello.at(), 1);

        StepVerifier.create(conversations.open(fresh, hello)).expectNext(opened).expectComplete().verify(TIMEOUT);

        StepVerifier.create(conversations.find(tenant, fresh.id())).expectNext(opened).expectComplete()
                .verify(TIMEOUT);
        assertMessages(fresh.id(), 10, hello);
        ChatMessage answer = message(MessageRole.ASSISTANT, "Ja, jeden Tag.", NOW.plusSeconds(2));
        assertThat(appended(tenant, fresh.id(), answer))
                .isEqualTo(new Conversation(fresh.id(), tenant, VISITOR, NOW, answer.at(), 2));
        assertMessages(fresh.id(), 10, hello, answer);
    }

    @Test
    void openingATakenIdOrWithContentTheStoresCannotKeepIsRefusedAndStoresNothing() {
        Conversation first = started(tenant, NOW);
        ChatMessage hello = message(MessageRole.USER, "Hallo", NOW.plusSeconds(1));

        StepVerifier.create(conversations.open(Conversation.start(first.id(), tenant, VISITOR, NOW), hello))
                .expectError(IllegalStateException.class).verify(TIMEOUT);
        StepVerifier.create(conversations.open(Conversation.start(first.id(), otherTenant, VISITOR, NOW), hello))
                .expectError(IllegalStateException.class).verify(TIMEOUT);
        Conversation fresh = Conversation.start(ConversationId.random(), tenant, VISITOR, NOW);
        for (String content : List.of("x".repeat(InMemoryConversations.MAX_CONTENT_LENGTH + 1), "nul \u0000 inside")) {
            StepVerifier.create(conversations.open(fresh, message(MessageRole.USER, content, NOW)))
                    .expectError(IllegalArgumentException.class).verify(TIMEOUT);
        }

        StepVerifier.create(conversations.find(tenant, first.id())).expectNext(first).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant, first.id(), 10)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.find(tenant, fresh.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.count(otherTenant)).expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void startingAnExistingIdIsRefusedAndChangesNothing() {
        Conversation first = started(tenant, NOW);
        Conversation sameId = Conversation.start(first.id(), tenant, new VisitorId("someone-else"), NOW.plusSeconds(1));
        Conversation sameIdOtherTenant = Conversation.start(first.id(), otherTenant, VISITOR, NOW.plusSeconds(2));

        StepVerifier.create(conversations.start(sameId)).expectError(IllegalStateException.class).verify(TIMEOUT);
        StepVerifier.create(conversations.start(sameIdOtherTenant)).expectError(IllegalStateException.class)
                .verify(TIMEOUT);

        StepVerifier.create(conversations.find(tenant, first.id())).expectNext(first).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.find(otherTenant, first.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.count(otherTenant)).expectNext(0L).expectComplete().verify(TIMEOUT);
    }

    @Test
    void aNewConversationThatClaimsMessagesIsRefused() {
        Conversation claiming = new Conversation(ConversationId.random(), tenant, VISITOR, NOW, NOW, 3);

        StepVerifier.create(conversations.start(claiming)).expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);

        StepVerifier.create(conversations.find(tenant, claiming.id())).expectComplete().verify(TIMEOUT);
    }

    @Test
    void listsTheMostRecentFirstWithTiesByIdAndPages() {
        // Three conversations last spoken in at one instant; their ids sort differently as unsigned bytes, the way
        // databases sort them, and as Java's signed UUID.compareTo.
        Conversation lowId = started(withId(new UUID(0x10L, 1), tenant, NOW));
        Conversation highId = started(withId(new UUID(0x90L << 56, 1), tenant, NOW));
        Conversation midId = started(withId(new UUID(0x50L << 56, 1), tenant, NOW));
        Conversation oldest = started(tenant, NOW.minusSeconds(3600));
        Conversation spokenInLast = appended(tenant, started(tenant, NOW.minusSeconds(7200)).id(),
                message(MessageRole.USER, "Hallo?", NOW.plusSeconds(60)));
        started(otherTenant, NOW.plusSeconds(120));

        assertListed(0, 10, spokenInLast, lowId, midId, highId, oldest);
        assertListed(1, 2, lowId, midId);
        assertListed(3, 2, highId, oldest);
        assertListed(4, 2, oldest);
        assertListed(5, 2);
        assertListed(1_000, 1);
        StepVerifier.create(conversations.count(tenant)).expectNext(5L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.count(otherTenant)).expectNext(1L).expectComplete().verify(TIMEOUT);

        Conversation answered = appended(tenant, oldest.id(), message(MessageRole.ASSISTANT, "Ja?",
                NOW.plusSeconds(90)));
        assertListed(0, 2, answered, spokenInLast);
    }

    @Test
    void conversationsLastSpokenInTogetherArePagedWithoutOverlapOrGap() {
        List<Conversation> started = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            started.add(started(tenant, NOW));
        }

        List<Conversation> paged = Flux.concat(conversations.list(tenant, 0, 3), conversations.list(tenant, 3, 3),
                conversations.list(tenant, 6, 3)).collectList().block(TIMEOUT);

        assertThat(paged).containsExactlyInAnyOrderElementsOf(started);
    }

    @Test
    void listingRefusesAnOffsetOrLimitOutOfRange() {
        StepVerifier.create(conversations.list(tenant, -1, 10)).expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);
        StepVerifier.create(conversations.list(tenant, 0, 0)).expectError(IllegalArgumentException.class)
                .verify(TIMEOUT);
        StepVerifier.create(conversations.list(tenant, 0, Integer.MAX_VALUE)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void deletingRemovesTheConversationWithItsMessagesAndSaysWhetherItExisted() {
        Conversation doomed = started(tenant, NOW);
        appended(tenant, doomed.id(), message(MessageRole.USER, "Bitte vergessen Sie mich.", NOW.plusSeconds(1)));
        Conversation kept = started(tenant, NOW);
        ChatMessage keptMessage = message(MessageRole.USER, "Ich bleibe.", NOW.plusSeconds(2));
        appended(tenant, kept.id(), keptMessage);

        StepVerifier.create(conversations.delete(tenant, doomed.id())).expectNext(true).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(conversations.delete(tenant, doomed.id())).expectNext(false).expectComplete()
                .verify(TIMEOUT);

        StepVerifier.create(conversations.find(tenant, doomed.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant, doomed.id(), 10)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.count(tenant)).expectNext(1L).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.append(tenant, doomed.id(), message(MessageRole.USER, "Noch da?", NOW)))
                .expectError(ConversationNotFoundException.class).verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant, kept.id(), 10)).expectNext(keptMessage).expectComplete()
                .verify(TIMEOUT);
        // Started again under the same id, it begins without the deleted messages.
        Conversation again = started(Conversation.start(doomed.id(), tenant, VISITOR, NOW.plusSeconds(3)));
        StepVerifier.create(conversations.messages(tenant, again.id(), 10)).expectComplete().verify(TIMEOUT);
        ChatMessage first = message(MessageRole.USER, "Neu hier.", NOW.plusSeconds(4));
        assertThat(appended(tenant, again.id(), first).messageCount()).isEqualTo(1);
        StepVerifier.create(conversations.messages(tenant, again.id(), 10)).expectNext(first).expectComplete()
                .verify(TIMEOUT);
    }

    @Test
    void concurrentAppendsToOneConversationAreAllKeptOneAfterTheOther() {
        Conversation started = started(tenant, NOW);

        // The content each append stored, by the count it returned.
        Map<Integer, String> contentByCount = Flux.range(0, CONTENDERS)
                .flatMap(i -> {
                    ChatMessage message = message(MessageRole.USER, "message " + i, NOW.plusMillis(i));
                    return conversations.append(tenant, started.id(), message)
                            .subscribeOn(Schedulers.boundedElastic())
                            .map(after -> Map.entry(after.messageCount(), message.content()));
                }, CONTENDERS)
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, TreeMap::new)
                .block(TIMEOUT);

        // Each append saw a count of its own, and the messages are stored in the order of those counts.
        assertThat(contentByCount).containsOnlyKeys(IntStream.rangeClosed(1, CONTENDERS).boxed().toList());
        assertThat(conversations.messages(tenant, started.id(), 1_000).map(ChatMessage::content).collectList()
                .block(TIMEOUT)).containsExactlyElementsOf(contentByCount.values());
        StepVerifier.create(conversations.find(tenant, started.id()))
                .expectNext(new Conversation(started.id(), tenant, VISITOR, NOW, NOW.plusMillis(CONTENDERS - 1),
                        CONTENDERS))
                .expectComplete().verify(TIMEOUT);
    }

    @Test
    void writesInATransactionThatRollsBackLeaveNothing() {
        Conversation existing = started(tenant, NOW);
        ChatMessage kept = message(MessageRole.USER, "kept", NOW.plusSeconds(1));
        Conversation beforeTransaction = appended(tenant, existing.id(), kept);
        Conversation doomed = started(tenant, NOW);
        ChatMessage doomedMessage = message(MessageRole.USER, "doomed", NOW.plusSeconds(2));
        Conversation doomedBefore = appended(tenant, doomed.id(), doomedMessage);
        Conversation fresh = Conversation.start(ConversationId.random(), tenant, VISITOR, NOW.plusSeconds(3));
        Conversation opened = Conversation.start(ConversationId.random(), tenant, VISITOR, NOW.plusSeconds(3));

        Mono<Object> work = conversations.start(fresh)
                .then(conversations.append(tenant, fresh.id(), message(MessageRole.USER, "new", NOW.plusSeconds(4))))
                .then(conversations.open(opened, message(MessageRole.USER, "opened", NOW.plusSeconds(4))))
                .then(conversations.append(tenant, existing.id(),
                        message(MessageRole.ASSISTANT, "rolled back", NOW.plusSeconds(5))))
                .then(conversations.delete(tenant, doomed.id()))
                .then(Mono.error(new IllegalStateException("rolled back")));
        StepVerifier.create(transactions.inTransaction(work)).expectError(IllegalStateException.class).verify(TIMEOUT);

        StepVerifier.create(conversations.find(tenant, fresh.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant, fresh.id(), 10)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.find(tenant, opened.id())).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant, opened.id(), 10)).expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.find(tenant, existing.id())).expectNext(beforeTransaction).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant, existing.id(), 10)).expectNext(kept).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(conversations.find(tenant, doomed.id())).expectNext(doomedBefore).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant, doomed.id(), 10)).expectNext(doomedMessage)
                .expectComplete().verify(TIMEOUT);
        StepVerifier.create(conversations.count(tenant)).expectNext(2L).expectComplete().verify(TIMEOUT);
        // The next append continues from the stored count.
        assertThat(appended(tenant, existing.id(), message(MessageRole.ASSISTANT, "next", NOW.plusSeconds(6)))
                .messageCount()).isEqualTo(2);
    }

    @Test
    void refusedWritesLeaveTheSurroundingTransactionUsable() {
        Conversation existing = started(tenant, NOW);
        Conversation fresh = Conversation.start(ConversationId.random(), tenant, VISITOR, NOW.plusSeconds(1));
        ChatMessage hello = message(MessageRole.USER, "Hallo", NOW.plusSeconds(2));

        Mono<Conversation> work = conversations.start(Conversation.start(existing.id(), tenant, VISITOR, NOW))
                .onErrorResume(IllegalStateException.class, e -> Mono.empty())
                .then(conversations.append(otherTenant, existing.id(), hello))
                .onErrorResume(ConversationNotFoundException.class, e -> Mono.empty())
                .then(conversations.append(tenant, existing.id(), message(MessageRole.USER, "x".repeat(
                        InMemoryConversations.MAX_CONTENT_LENGTH + 1), NOW)))
                .onErrorResume(IllegalArgumentException.class, e -> Mono.empty())
                .then(conversations.open(Conversation.start(existing.id(), tenant, VISITOR, NOW), hello))
                .onErrorResume(IllegalStateException.class, e -> Mono.empty())
                .then(conversations.start(fresh))
                .then(conversations.append(tenant, fresh.id(), hello));

        StepVerifier.create(transactions.inTransaction(work))
                .expectNext(new Conversation(fresh.id(), tenant, VISITOR, fresh.createdAt(), hello.at(), 1))
                .expectComplete().verify(TIMEOUT);

        StepVerifier.create(conversations.find(tenant, existing.id())).expectNext(existing).expectComplete()
                .verify(TIMEOUT);
        StepVerifier.create(conversations.messages(tenant, fresh.id(), 10)).expectNext(hello).expectComplete()
                .verify(TIMEOUT);
    }

    private void assertMessages(ConversationId id, int limit, ChatMessage... expected) {
        assertThat(conversations.messages(tenant, id, limit).collectList().block(TIMEOUT)).containsExactly(expected);
    }

    private void assertListed(long offset, int limit, Conversation... expected) {
        assertThat(conversations.list(tenant, offset, limit).collectList().block(TIMEOUT)).containsExactly(expected);
    }

    private Conversation started(TenantId tenantId, Instant at) {
        return started(Conversation.start(ConversationId.random(), tenantId, VISITOR, at));
    }

    private Conversation started(Conversation conversation) {
        return conversations.start(conversation).block(TIMEOUT);
    }

    private Conversation appended(TenantId tenantId, ConversationId id, ChatMessage message) {
        return conversations.append(tenantId, id, message).block(TIMEOUT);
    }

    private static Conversation withId(UUID id, TenantId tenantId, Instant at) {
        return Conversation.start(new ConversationId(id), tenantId, VISITOR, at);
    }

    private static ChatMessage message(MessageRole role, String content, Instant at) {
        return new ChatMessage(role, content, at, content.length());
    }

    /** {@code unit} repeated and then padded to exactly {@code length} characters, no surrogate pair cut apart. */
    private static String text(String unit, int length) {
        String repeated = unit.repeat(length / unit.length());
        return repeated + ".".repeat(length - repeated.length());
    }
}
