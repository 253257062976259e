package dev.concierge.adapter.persistence.mail;

import static dev.concierge.adapter.persistence.mail.OutboxRow.utc;
import static org.springframework.data.relational.core.query.Criteria.where;
import static org.springframework.data.relational.core.query.Query.query;

import dev.concierge.adapter.persistence.support.Dialect;
import dev.concierge.adapter.persistence.support.EntityTemplates;
import dev.concierge.adapter.persistence.transaction.R2dbcTransactions;
import dev.concierge.application.port.out.ClaimedMail;
import dev.concierge.application.port.out.MailOutbox;
import dev.concierge.application.port.out.MailStatus;
import dev.concierge.application.port.out.OutboxEntry;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.application.port.out.Transactions;
import dev.concierge.domain.tenant.TenantId;
import io.r2dbc.spi.ConnectionFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.r2dbc.convert.R2dbcConverter;
import org.springframework.data.r2dbc.core.R2dbcEntityTemplate;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The {@link MailOutbox} in a relational database (PostgreSQL or H2) through R2DBC, one row a mail
 * ({@link OutboxRow}).
 *
 * <p>A claim on PostgreSQL is one statement: it locks the earliest due pending mails with
 * {@code FOR UPDATE SKIP LOCKED}, moves their next attempt to the end of the lease, counts the attempt, and returns
 * them. Rows another claim has locked are skipped rather than waited for, and a row another claim changed meanwhile is
 * no longer due when it is locked, so concurrent claims on any number of instances never return one mail twice.
 *
 * <p>H2 2.4 accepts {@code SKIP LOCKED}, but with {@code ORDER BY} and {@code LIMIT} it returned no row at all while
 * the first due row was locked; and an update read through a data change delta table ({@code OLD TABLE}) now and then
 * changed a row that a concurrent update had made no longer match (this class's concurrency tests found both). So on
 * H2 a claim reads the earliest due mails and then takes them one by one, each in a transaction with a plain update
 * that changes the mail only while it is still due, and a read of the mail as changed. Of concurrent claims for one
 * mail exactly one changes it; the others find it no longer due and look for further
 * mails. Unlike on PostgreSQL, such an update waits while another transaction holds the row: briefly for another
 * claim, as long as the transaction for a claim made inside one. H2 is the single-process embedded database, where
 * that is acceptable.
 *
 * <p>Queuing meets an existing id or Message-ID without failing the statement (see
 * {@link Dialect#insertUnlessPresent}), so a refused duplicate leaves a surrounding transaction usable. Reports of an
 * attempt change a row only while it is pending; sending drops the bodies and the calendar. Listing and counting are
 * Spring Data queries that leave the bodies unread.
 *
 * <p>Statements run on the connection of a surrounding transaction on the same connection factory, if there is one,
 * so a mail is queued only if the caller's change commits.
 */
public final class R2dbcMailOutbox implements MailOutbox {

    private static final int MAX_CLAIM = 100;
    private static final int MAX_PAGE_SIZE = 1_000;

    private static final String INSERT = "INSERT INTO mail_outbox (id, message_id, tenant_id, recipient, subject,"
            + " text_body, html_body, calendar_body, status, attempts, created_at, next_attempt_at)"
            + " VALUES (:id, :messageId, :tenantId, :recipient, :subject, :textBody, :htmlBody, :calendarBody,"
            + " 'PENDING', 0, :createdAt, :createdAt)";
    private static final String DUE_CONDITION = "status = 'PENDING' AND next_attempt_at <= :now";
    private static final String EARLIEST_DUE = " ORDER BY next_attempt_at, id LIMIT :limit";
    /** The mails a claim takes, earliest due first, found through the index {@code ix_mail_outbox_due}. */
    static final String DUE = "SELECT id, next_attempt_at FROM mail_outbox WHERE " + DUE_CONDITION + EARLIEST_DUE;
    private static final String POSTGRESQL_CLAIM = "WITH due AS (" + DUE + " FOR UPDATE SKIP LOCKED),"
            + " claimed AS (UPDATE mail_outbox m SET attempts = m.attempts + 1, next_attempt_at = :leaseEnd"
            + " FROM due WHERE m.id = due.id"
            + " RETURNING m.*, m.attempts AS claimed_attempt, due.next_attempt_at AS due_at)"
            + " SELECT * FROM claimed ORDER BY due_at, id";
    private static final String H2_CLAIM_ONE = "UPDATE mail_outbox SET attempts = attempts + 1,"
            + " next_attempt_at = :leaseEnd WHERE id = :id AND " + DUE_CONDITION;
    /** How many times an H2 claim looks again for due mails after other claims took some of those it found. */
    private static final int MAX_H2_ROUNDS = 10;
    private static final String MARK_SENT = "UPDATE mail_outbox SET status = 'SENT', sent_at = :now,"
            + " text_body = NULL, html_body = NULL, calendar_body = NULL, last_error = NULL WHERE id = :id AND status = 'PENDING'";
    private static final String RETRY_LATER = "UPDATE mail_outbox SET next_attempt_at = :nextAttempt,"
            + " last_error = :error WHERE id = :id AND status = 'PENDING'";
    private static final String MARK_FAILED = "UPDATE mail_outbox SET status = 'FAILED', last_error = :error"
            + " WHERE id = :id AND status = 'PENDING'";
    private static final String RETRY = "UPDATE mail_outbox SET status = 'PENDING', attempts = 0,"
            + " next_attempt_at = :now WHERE id = :id AND status = 'FAILED'";
    /** Only sent mails have {@code sent_at}, so the index on it finds them. */
    static final String PURGE_SENT = "DELETE FROM mail_outbox WHERE sent_at < :before";
    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("created_at"), Sort.Order.asc("id"));

    private final R2dbcEntityTemplate template;
    private final Transactions transactions;
    private final Dialect dialect;

    /**
     * @param template     maps and runs the statements; its connection factory decides the SQL spoken (PostgreSQL or
     *                     H2)
     * @param transactions on the template's connection factory; on H2 a claim of one mail is a transaction
     */
    public R2dbcMailOutbox(R2dbcEntityTemplate template, Transactions transactions) {
        this.template = Objects.requireNonNull(template, "template");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
        this.dialect = Dialect.of(template.getDatabaseClient().getConnectionFactory());
    }

    /**
     * The outbox in the database behind {@code connectionFactory}, with a template of its own. It finds the
     * connection of a surrounding transaction on the same connection factory, so these statements join a transaction
     * that a caller already started.
     */
    public static R2dbcMailOutbox using(ConnectionFactory connectionFactory) {
        return new R2dbcMailOutbox(EntityTemplates.forConnectionFactory(connectionFactory, OutboxRow.class),
                R2dbcTransactions.using(connectionFactory));
    }

    @Override
    public Mono<Void> enqueue(OutgoingMail mail) {
        OutboxRow row = OutboxRow.queued(mail);
        return client().sql(dialect.insertUnlessPresent(INSERT))
                .bind("id", row.id())
                .bind("messageId", row.messageId())
                .bind("tenantId", Parameter.fromOrEmpty(row.tenantId(), UUID.class))
                .bind("recipient", row.recipient())
                .bind("subject", row.subject())
                .bind("textBody", row.textBody())
                .bind("htmlBody", row.htmlBody())
                .bind("calendarBody", Parameter.fromOrEmpty(row.calendarBody(), String.class))
                .bind("createdAt", row.createdAt())
                .fetch()
                .rowsUpdated()
                .onErrorResume(DuplicateKeyException.class, duplicate -> Mono.just(0L))
                .flatMap(inserted -> inserted == 1 ? Mono.<Void>empty()
                        : Mono.error(new IllegalStateException("mail " + mail.id() + " or its Message-ID "
                                + mail.messageId() + " is queued already")));
    }

    /** @throws IllegalArgumentException (as an error signal) for a {@code limit} out of range or a lease not positive */
    @Override
    public Flux<ClaimedMail> claimDue(Instant now, Duration lease, int limit) {
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(lease, "lease");
        if (limit < 1 || limit > MAX_CLAIM || lease.isNegative() || lease.isZero()) {
            return Flux.error(new IllegalArgumentException(
                    "a claim takes 1 to " + MAX_CLAIM + " mails for a positive lease, not " + limit + " for " + lease));
        }
        if (dialect == Dialect.POSTGRESQL) {
            return claimed(client().sql(POSTGRESQL_CLAIM).bind("now", utc(now)).bind("leaseEnd", utc(now.plus(lease)))
                    .bind("limit", limit));
        }
        return claimOnH2(utc(now), utc(now.plus(lease)), limit, 1);
    }

    /**
     * Claims on H2 one mail at a time, each with an update that changes it only if it is still due: of concurrent
     * claims for one mail exactly one finds it so. When others took some of the mails found, looks for more.
     */
    private Flux<ClaimedMail> claimOnH2(OffsetDateTime now, OffsetDateTime leaseEnd, int limit, int round) {
        return client().sql(DUE).bind("now", now).bind("limit", limit)
                .map(row -> row.get("id", UUID.class))
                .all()
                .collectList()
                .flatMapMany(due -> Flux.fromIterable(due)
                        .concatMap(id -> claimOneOnH2(id, now, leaseEnd))
                        .collectList()
                        .flatMapMany(claimed -> {
                            boolean othersTookSome = claimed.size() < due.size();
                            int wanted = limit - claimed.size();
                            return Flux.fromIterable(claimed).concatWith(othersTookSome && round < MAX_H2_ROUNDS
                                    ? claimOnH2(now, leaseEnd, wanted, round + 1) : Flux.empty());
                        }));
    }

    /**
     * Takes the mail if it is still due, and reads it as taken; both in one transaction, which keeps the row locked
     * from the update to the read.
     */
    private Mono<ClaimedMail> claimOneOnH2(UUID id, OffsetDateTime now, OffsetDateTime leaseEnd) {
        return transactions.inTransaction(client().sql(H2_CLAIM_ONE).bind("id", id).bind("now", now)
                .bind("leaseEnd", leaseEnd)
                .fetch()
                .rowsUpdated()
                .filter(taken -> taken == 1)
                .flatMap(taken -> template.selectOne(query(where("id").is(id)), OutboxRow.class))
                .map(row -> new ClaimedMail(row.toMail(), row.attempts())));
    }

    private Flux<ClaimedMail> claimed(DatabaseClient.GenericExecuteSpec claim) {
        R2dbcConverter converter = template.getConverter();
        return claim.map((row, metadata) -> new ClaimedMail(converter.read(OutboxRow.class, row, metadata).toMail(),
                        row.get("claimed_attempt", Integer.class)))
                .all();
    }

    @Override
    public Mono<Void> markSent(UUID id, Instant now) {
        return client().sql(MARK_SENT).bind("id", id).bind("now", utc(now)).then();
    }

    @Override
    public Mono<Void> retryLater(UUID id, Instant nextAttempt, String error) {
        return client().sql(RETRY_LATER).bind("id", id).bind("nextAttempt", utc(nextAttempt))
                .bind("error", cut(error)).then();
    }

    @Override
    public Mono<Void> markFailed(UUID id, String error) {
        return client().sql(MARK_FAILED).bind("id", id).bind("error", cut(error)).then();
    }

    @Override
    public Mono<Boolean> retry(UUID id, Instant now) {
        return client().sql(RETRY).bind("id", id).bind("now", utc(now)).fetch().rowsUpdated()
                .map(changed -> changed == 1);
    }

    @Override
    public Mono<OutboxEntry> findById(UUID id) {
        Objects.requireNonNull(id, "id");
        return template.selectOne(query(where("id").is(id)).columns(OutboxRow.ENTRY_COLUMNS), OutboxRow.class)
                .map(OutboxRow::toEntry);
    }

    @Override
    public Flux<OutboxEntry> list(TenantId tenantId, MailStatus status, long offset, int limit) {
        if (offset < 0 || limit < 1 || limit > MAX_PAGE_SIZE) {
            return Flux.error(new IllegalArgumentException("offset must be at least 0 and limit 1 to " + MAX_PAGE_SIZE
                    + ", were " + offset + " and " + limit));
        }
        return template.select(query(matching(tenantId, status)).columns(OutboxRow.ENTRY_COLUMNS).sort(NEWEST_FIRST)
                        .offset(offset).limit(limit), OutboxRow.class)
                .map(OutboxRow::toEntry);
    }

    @Override
    public Mono<Long> count(TenantId tenantId, MailStatus status) {
        return template.count(query(matching(tenantId, status)), OutboxRow.class);
    }

    @Override
    public Mono<Long> purgeSent(Instant before) {
        return client().sql(PURGE_SENT).bind("before", utc(before)).fetch().rowsUpdated();
    }

    private DatabaseClient client() {
        return template.getDatabaseClient();
    }

    private static Criteria matching(TenantId tenantId, MailStatus status) {
        Criteria criteria = Criteria.empty();
        if (tenantId != null) {
            criteria = criteria.and("tenant_id").is(tenantId.value());
        }
        return status == null ? criteria : criteria.and("status").is(status.name());
    }

    /** At most {@link #MAX_ERROR_LENGTH} characters, never half a surrogate pair (which PostgreSQL cannot store). */
    private static String cut(String error) {
        Objects.requireNonNull(error, "error");
        if (error.length() <= MAX_ERROR_LENGTH) {
            return error;
        }
        return error.substring(0, Character.isHighSurrogate(error.charAt(MAX_ERROR_LENGTH - 1))
                ? MAX_ERROR_LENGTH - 1 : MAX_ERROR_LENGTH);
    }
}
