package dev.concierge.adapter.persistence.chat;

import static dev.concierge.adapter.persistence.chat.ConversationRow.utc;
import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import dev.concierge.adapter.persistence.support.Dialect;
import dev.concierge.adapter.persistence.support.EntityTemplates;
import dev.concierge.adapter.persistence.transaction.R2dbcTransactions;
import dev.concierge.application.port.out.Conversations;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.chat.ChatMessage;
import dev.concierge.domain.chat.Conversation;
import dev.concierge.domain.chat.ConversationId;
import dev.concierge.domain.chat.ConversationNotFoundException;
import dev.concierge.domain.tenant.TenantId;
import io.r2dbc.spi.ConnectionFactory;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Collections;
import java.util.Objects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.r2dbc.convert.R2dbcConverter;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Query;
import org.springframework.data.relational.core.query.Update;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * {@link Conversations} in a relational database (PostgreSQL or H2) through R2DBC: one row a conversation
 * ({@link ConversationRow}), one row a message ({@link ChatMessageRow}) under its sequence number in the conversation.
 *
 * <p>On PostgreSQL an append is one statement, one round trip: it moves the conversation's count and last-message time
 * on and inserts the message under the new count as its sequence number. The update holds the conversation's row
 * until the statement's transaction ends, so a concurrent append waits and then counts on from the count it left.
 * Opening a conversation with its first message is one statement too. H2 runs neither kind of statement (no
 * data-modifying common table expressions), so there an append reads the conversation, moves its count on only where
 * the count is still what it read, and inserts the message, all in one transaction (a savepoint of a surrounding one,
 * see {@link R2dbcTransactions}); an append that finds the count changed, or meets a taken sequence number, changes
 * nothing and starts over from a fresh read. On both, concurrent appends to one conversation, on any number of
 * instances, are stored one after another, none lost. Messages are read back by sequence number, never by their
 * instants.
 *
 * <p>Content is checked before anything is written: at most {@value #MAX_CONTENT_LENGTH} characters, which the column
 * holds, and text the databases keep exactly: PostgreSQL refuses U+0000, and both would turn half of a surrogate pair
 * into {@code ?}. Such content is refused with {@link IllegalArgumentException}.
 *
 * <p>Starting an existing conversation inserts nothing rather than failing the statement (see
 * {@link Dialect#insertUnlessPresent}), so it leaves a surrounding transaction usable. Deleting a conversation deletes
 * its messages through the foreign key. Every statement names the tenant. Statements run on the connection of a
 * surrounding transaction on the same connection factory, if there is one.
 */
public final class R2dbcConversations implements Conversations {

    /** The longest message content stored: the size of {@code chat_message.content}, in characters. */
    public static final int MAX_CONTENT_LENGTH = 20_000;

    /** PostgreSQL: a new conversation and its first message, or nothing when the id is taken. */
    private static final String POSTGRESQL_OPEN = "WITH started AS (INSERT INTO conversation (id, tenant_id,"
            + " visitor_id, created_at, last_message_at, message_count)"
            + " VALUES (:id, :tenantId, :visitorId, :createdAt, :lastMessageAt, 1)"
            + " ON CONFLICT DO NOTHING RETURNING id, tenant_id)"
            + " INSERT INTO chat_message (conversation_id, seq, tenant_id, role, content, at, tokens)"
            + " SELECT id, 1, tenant_id, :role, :content, :at, :tokens FROM started";
    /** PostgreSQL: the conversation moved on and the message inserted under its new count; no row if not found. */
    private static final String POSTGRESQL_APPEND = "WITH moved AS (UPDATE conversation"
            + " SET message_count = message_count + 1, last_message_at = GREATEST(last_message_at, :at)"
            + " WHERE id = :id AND tenant_id = :tenantId RETURNING *),"
            + " kept AS (INSERT INTO chat_message (conversation_id, seq, tenant_id, role, content, at, tokens)"
            + " SELECT id, message_count, tenant_id, :role, :content, :at, :tokens FROM moved)"
            + " SELECT * FROM moved";
    private static final String INSERT = "INSERT INTO conversation (id, tenant_id, visitor_id, created_at,"
            + " last_message_at, message_count) VALUES (:id, :tenantId, :visitorId, :createdAt, :lastMessageAt, 0)";
    /**
     * One page of a tenant's conversations, most recent message first, ties by id: read in the order of
     * {@code ix_conversation_tenant_last_message}, which the constant tenant leading the order lets H2 see too.
     */
    private static final String LIST = "SELECT * FROM conversation%s WHERE tenant_id = :tenantId"
            + " ORDER BY tenant_id, last_message_at DESC, id OFFSET :offset ROWS FETCH FIRST :limit ROWS ONLY";
    /** H2 would otherwise read through the index it made for the foreign key on {@code tenant_id}, and sort. */
    private static final String H2_LIST_INDEX = " USE INDEX (ix_conversation_tenant_last_message)";
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("seq"));
    /**
     * How often an append starts over after another one came first. Each round some append succeeds, so this bounds
     * the concurrent appends to one conversation, far beyond any real one; it only keeps a fault from looping.
     */
    private static final int MAX_ROUNDS = 1_000;
    private static final Retry AFTER_ANOTHER_APPEND = Retry.max(MAX_ROUNDS)
            .filter(error -> error instanceof ChangedMeanwhile || error instanceof DuplicateKeyException);

    private final R2dbcEntityTemplate template;
    private final Transactions transactions;
    private final Dialect dialect;
    private final String insert;
    private final String list;

    /**
     * @param template     maps and runs the statements; it must use the connection factory of {@code transactions}
     * @param transactions makes each append a transaction, or a savepoint of a surrounding one
     */
    public R2dbcConversations(R2dbcEntityTemplate template, Transactions transactions) {
        this.template = Objects.requireNonNull(template, "template");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.dialect = Dialect.of(template.getDatabaseClient().getConnectionFactory());
        this.insert = dialect.insertUnlessPresent(INSERT);
        this.list = listFor(dialect);
    }

    /**
     * Conversations in the database behind {@code connectionFactory}, with a template and transactions of their own.
     * Both find the connection of a surrounding transaction on the same connection factory, so these writes join a
     * transaction that a caller already started.
     */
    public static R2dbcConversations using(ConnectionFactory connectionFactory) {
        return new R2dbcConversations(EntityTemplates.forConnectionFactory(connectionFactory, ConversationRow.class,
                ChatMessageRow.class), R2dbcTransactions.using(connectionFactory));
    }

    @Override
    public Mono<Conversation> start(Conversation conversation) {
        Objects.requireNonNull(conversation, "conversation");
        return Mono.defer(() -> {
            if (conversation.messageCount() != 0) {
                return Mono.error(new IllegalArgumentException("a new conversation holds no messages, this one claims "
                        + conversation.messageCount()));
            }
            ConversationRow row = ConversationRow.fromDomain(conversation);
            return template.getDatabaseClient().sql(insert)
                    .bind("id", row.id())
                    .bind("tenantId", row.tenantId())
                    .bind("visitorId", row.visitorId())
                    .bind("createdAt", row.createdAt())
                    .bind("lastMessageAt", row.lastMessageAt())
                    .fetch()
                    .rowsUpdated()
                    .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(0L))
                    .flatMap(inserted -> inserted == 1 ? Mono.just(conversation)
                            : Mono.error(new IllegalStateException("a conversation with id " + conversation.id()
                                    + " exists already")));
        });
    }

    @Override
    public Mono<Conversation> open(Conversation conversation, ChatMessage first) {
        Objects.requireNonNull(conversation, "conversation");
        Objects.requireNonNull(first, "first");
        return Mono.defer(() -> {
            requireStorable(first);
            if (dialect != Dialect.POSTGRESQL) {
                return transactions.inTransaction(start(conversation)
                        .then(append(conversation.tenantId(), conversation.id(), first)));
            }
            if (conversation.messageCount() != 0) {
                return Mono.error(new IllegalArgumentException("a new conversation holds no messages, this one claims "
                        + conversation.messageCount()));
            }
            ConversationRow row = ConversationRow.fromDomain(conversation);
            Instant last = first.at().isAfter(conversation.lastMessageAt()) ? first.at()
                    : conversation.lastMessageAt();
            return message(template.getDatabaseClient().sql(POSTGRESQL_OPEN), first)
                    .bind("id", row.id())
                    .bind("tenantId", row.tenantId())
                    .bind("visitorId", row.visitorId())
                    .bind("createdAt", row.createdAt())
                    .bind("lastMessageAt", utc(last))
                    .fetch()
                    .rowsUpdated()
                    .flatMap(inserted -> inserted == 1
                            ? Mono.just(new Conversation(conversation.id(), conversation.tenantId(),
                                    conversation.visitorId(), conversation.createdAt(), last, 1))
                            : Mono.error(new IllegalStateException("a conversation with id " + conversation.id()
                                    + " exists already")));
        });
    }

    @Override
    public Mono<Conversation> append(TenantId tenantId, ConversationId id, ChatMessage message) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(message, "message");
        return Mono.defer(() -> {
            requireStorable(message);
            if (dialect == Dialect.POSTGRESQL) {
                R2dbcConverter converter = template.getConverter();
                return message(template.getDatabaseClient().sql(POSTGRESQL_APPEND), message)
                        .bind("id", id.value())
                        .bind("tenantId", tenantId.value())
                        .map((row, metadata) -> converter.read(ConversationRow.class, row, metadata).toDomain())
                        .one()
                        .switchIfEmpty(Mono.error(() -> new ConversationNotFoundException(id)));
            }
            Mono<Conversation> once = template.selectOne(ofTenant(tenantId, id), ConversationRow.class)
                    .switchIfEmpty(Mono.error(() -> new ConversationNotFoundException(id)))
                    .flatMap(read -> append(read.toDomain(), message));
            return transactions.inTransaction(once).retryWhen(AFTER_ANOTHER_APPEND);
        });
    }

    /** Binds the message's columns of the PostgreSQL statements. */
    private static DatabaseClient.GenericExecuteSpec message(DatabaseClient.GenericExecuteSpec statement,
            ChatMessage message) {
        return statement.bind("role", message.role().name())
                .bind("content", message.content())
                .bind("at", utc(message.at()))
                .bind("tokens", message.tokens());
    }

    /** Refuses, before anything is written, content that the column cannot hold or the databases not keep exactly. */
    private static void requireStorable(ChatMessage message) {
        String content = message.content();
        if (content.length() > MAX_CONTENT_LENGTH) {
            throw new IllegalArgumentException("a message holds at most " + MAX_CONTENT_LENGTH
                    + " characters, this one " + content.length());
        }
        if (content.indexOf('\u0000') >= 0 || !StandardCharsets.UTF_8.newEncoder().canEncode(content)) {
            throw new IllegalArgumentException("a message holds text without U+0000 and unpaired surrogates");
        }
    }

    /** Writes {@code message} after the messages of {@code read}, if no other append came first. */
    private Mono<Conversation> append(Conversation read, ChatMessage message) {
        Instant last = message.at().isAfter(read.lastMessageAt()) ? message.at() : read.lastMessageAt();
        Conversation after = new Conversation(read.id(), read.tenantId(), read.visitorId(), read.createdAt(), last,
                read.messageCount() + 1);
        Query stillAsRead = query(where("id").is(read.id().value())
                .and("tenant_id").is(read.tenantId().value())
                .and("message_count").is(read.messageCount()));
        Update movedOn = Update.update("message_count", after.messageCount()).set("last_message_at", utc(last));
        return template.update(stillAsRead, movedOn, ConversationRow.class)
                .flatMap(changed -> changed == 1 ? Mono.just(after) : Mono.error(ChangedMeanwhile.INSTANCE))
                .flatMap(moved -> template.insert(ChatMessageRow.fromDomain(read.id().value(), after.messageCount(),
                        read.tenantId().value(), message)))
                .thenReturn(after);
    }

    @Override
    public Mono<Conversation> find(TenantId tenantId, ConversationId id) {
        return template.selectOne(ofTenant(tenantId, id), ConversationRow.class).map(ConversationRow::toDomain);
    }

    @Override
    public Flux<ChatMessage> messages(TenantId tenantId, ConversationId id, int limit) {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(id, "id");
        if (limit < 1) {
            return Flux.error(new IllegalArgumentException("limit must be at least 1, was " + limit));
        }
        Query newest = query(where("conversation_id").is(id.value()).and("tenant_id").is(tenantId.value()))
                .sort(NEWEST_FIRST).limit(limit);
        return template.select(newest, ChatMessageRow.class)
                .map(ChatMessageRow::toDomain)
                .collectList()
                .flatMapIterable(newestFirst -> {
                    Collections.reverse(newestFirst);
                    return newestFirst;
                });
    }

    @Override
    public Flux<Conversation> list(TenantId tenantId, long offset, int limit) {
        Objects.requireNonNull(tenantId, "tenantId");
        if (offset < 0 || limit < 1) {
            return Flux.error(new IllegalArgumentException("offset must be at least 0 and limit at least 1, were "
                    + offset + " and " + limit));
        }
        R2dbcConverter converter = template.getConverter();
        return template.getDatabaseClient().sql(list)
                .bind("tenantId", tenantId.value())
                .bind("offset", offset)
                .bind("limit", limit)
                .map((row, metadata) -> converter.read(ConversationRow.class, row, metadata).toDomain())
                .all();
    }

    /** The statement {@link #list(TenantId, long, int)} runs on a database of {@code dialect}. */
    static String listFor(Dialect dialect) {
        return LIST.formatted(dialect == Dialect.H2 ? H2_LIST_INDEX : "");
    }

    @Override
    public Mono<Long> count(TenantId tenantId) {
        return template.count(query(where("tenant_id").is(tenantId.value())), ConversationRow.class);
    }

    @Override
    public Mono<Boolean> delete(TenantId tenantId, ConversationId id) {
        return template.delete(ofTenant(tenantId, id), ConversationRow.class).map(deleted -> deleted > 0);
    }

    private static Query ofTenant(TenantId tenantId, ConversationId id) {
        return query(where("id").is(id.value()).and("tenant_id").is(tenantId.value()));
    }

    /** Another append moved the conversation on between this one's read and write; a signal to start over. */
    private static final class ChangedMeanwhile extends RuntimeException {

        private static final long serialVersionUID = 1L;
        static final ChangedMeanwhile INSTANCE = new ChangedMeanwhile();

        private ChangedMeanwhile() {
            super("the conversation changed meanwhile", null, false, false);
        }
    }
}
