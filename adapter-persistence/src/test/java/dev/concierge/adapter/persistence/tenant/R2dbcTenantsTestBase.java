package dev.concierge.adapter.persistence.tenant;

import static dev.concierge.domain.tenant.TenantFixtures.activeTenant;
import static dev.concierge.domain.tenant.TenantFixtures.pendingTenant;
import static org.assertj.core.api.Assertions.assertThat;

import dev.concierge.adapter.persistence.chat.R2dbcConversations;
import dev.concierge.adapter.persistence.transaction.R2dbcTransactions;
import dev.concierge.application.port.out.AttemptCounters;
import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.MailOutbox;
import dev.concierge.application.port.out.MailStatus;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.application.port.out.RollingLimits;
import dev.concierge.application.port.out.Tenants;
import dev.concierge.application.port.out.UsageCounters;
import dev.concierge.application.testing.TenantsContractTest;
import dev.concierge.domain.account.RollingLimit;
import dev.concierge.domain.booking.Booking;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.booking.Recurrence;
import dev.concierge.domain.booking.Visitor;
import dev.concierge.domain.chat.MessageRole;
import dev.concierge.domain.chat.VisitorId;
import dev.concierge.domain.tenant.AllowedOrigins;
import dev.concierge.domain.tenant.AssistantSettings;
import dev.concierge.domain.tenant.Branding;
import dev.concierge.domain.tenant.ClientKey;
import dev.concierge.domain.tenant.ClientKeyTakenException;
import dev.concierge.domain.tenant.DisplayName;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.HexColor;
import dev.concierge.domain.tenant.Language;
import dev.concierge.domain.tenant.Origin;
import dev.concierge.domain.tenant.Owner;
import dev.concierge.domain.tenant.OwnerEmailTakenException;
import dev.concierge.domain.tenant.PasswordHash;
import dev.concierge.domain.tenant.Position;
import dev.concierge.domain.tenant.Tenant;
import dev.concierge.domain.tenant.TenantChangedConcurrentlyException;
import dev.concierge.domain.tenant.TenantId;
import dev.concierge.domain.tenant.TenantStatus;
import dev.concierge.domain.token.OneTimeToken;
import dev.concierge.domain.token.TokenPurpose;
import io.r2dbc.spi.ConnectionFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.test.StepVerifier;
import reactor.util.retry.Retry;

/**
 * The {@link Tenants} contract plus what is specific to storing tenants in a database: column sizes (of every table),
 * check constraints, atomic writes, instants, the {@code updated_at} stamp and running on non-blocking threads.
 * Subclasses provide a migrated, empty database.
 */
abstract class R2dbcTenantsTestBase extends TenantsContractTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Instant NOW = Instant.parse("2026-11-20T08:15:30.123456Z");
    private static final String REFUSED_ORIGIN = "https://refused.example";
    /** A {@link dev.concierge.domain.token.TokenHash}: SHA-256 in hex. */
    private static final int TOKEN_HASH_LENGTH = 64;
    /** The longest {@link VisitorId} the domain accepts (constructing it proves that). */
    private static final String LONGEST_VISITOR_ID = new VisitorId("v".repeat(64)).value();

    /** A connection factory for a migrated database without tenants. */
    protected abstract ConnectionFactory connectionFactory();

    @Override
    protected Tenants tenants() {
        return R2dbcTenants.using(connectionFactory(), Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void storesEveryFieldAtTheLongestTheDomainAllows() {
        Tenants tenants = tenants();
        Tenant tenant = longestTenant();

        StepVerifier.create(tenants.add(tenant)).expectNext(tenant).expectComplete().verify(TIMEOUT);

        StepVerifier.create(tenants.findById(tenant.id())).assertNext(found -> {
            assertThat(found).isEqualTo(tenant);
            assertThat(found.allowedOrigins().values()).hasSize(AllowedOrigins.MAX_COUNT);
            assertThat(found.createdAt()).isEqualTo(tenant.createdAt());
        }).expectComplete().verify(TIMEOUT);
    }

    @Test
    void tenantWithoutOriginsAndLogoIsFoundAsStored() {
        Tenants tenants = tenants();
        Tenant tenant = activeTenant().withoutOrigins().build();
        tenants.add(tenant).block(TIMEOUT);

        StepVerifier.create(tenants.findByClientKey(tenant.clientKey())).assertNext(found -> {
            assertThat(found).isEqualTo(tenant);
            assertThat(found.allowedOrigins().values()).isEmpty();
            assertThat(found.branding().logo()).isEmpty();
        }).expectComplete().verify(TIMEOUT);
    }

    @Test
    void worksWhenCalledFromANonBlockingThread() {
        Tenants tenants = tenants();
        Tenant tenant = pendingTenant().withOrigin("https://second.example").build();
        Tenant confirmed = tenant.confirm();

        // Mono.delay emits on Reactor's parallel scheduler, whose threads BlockHound treats as non-blocking.
        Mono<Tenant> flow = Mono.delay(Duration.ofMillis(1))
                .then(tenants.add(tenant))
                .then(tenants.update(confirmed))
                .then(tenants.findByClientKey(tenant.clientKey()));

        StepVerifier.create(flow).expectNext(confirmed.storedAs(1)).expectComplete().verify(TIMEOUT);
    }

    @Test
    void concurrentEditorsThatRetryOnConflictEachApplyWholeFromNonBlockingThreads() {
        Tenants tenants = tenants();
        Tenant tenant = pendingTenant().build();
        tenants.add(tenant).block(TIMEOUT);
        List<AllowedOrigins> edits = IntStream.range(0, 32)
                .mapToObj(edit -> AllowedOrigins.parse(IntStream.range(0, 20)
                        .mapToObj(i -> "https://v" + edit + "-o" + i + ".example").toList()))
                .toList();

        // Each editor reads, changes and writes, and starts over when another editor came first. The updates also
        // wait for each other's lock on the tenant row: PostgreSQL waits on the server, H2 in the caller's thread
        // (see H2BlockHoundIntegration).
        List<Tenant> updated = Flux.fromIterable(edits)
                .flatMap(origins -> Mono.defer(() -> tenants.findById(tenant.id())
                                .flatMap(read -> tenants.update(read.withAllowedOrigins(origins))))
                        .retryWhen(Retry.max(1_000).filter(TenantChangedConcurrentlyException.class::isInstance))
                        .subscribeOn(Schedulers.parallel()))
                .collectList()
                .block(Duration.ofSeconds(60));

        assertThat(updated).hasSize(edits.size());
        assertThat(updated).extracting(Tenant::version).containsExactlyInAnyOrderElementsOf(
                IntStream.rangeClosed(1, edits.size()).mapToObj(Long::valueOf).toList());
        Tenant found = tenants.findById(tenant.id()).block(TIMEOUT);
        assertThat(found.version()).isEqualTo(edits.size());
        assertThat(edits).contains(found.allowedOrigins());
    }

    @Test
    void storesInstantsExactlyAndStampsUpdatedAtFromTheClock() {
        Tenants tenants = tenants();
        Tenant tenant = pendingTenant().build();

        tenants.add(tenant).block(TIMEOUT);
        assertThat(timestamps(tenant.id())).containsExactly(tenant.createdAt(), tenant.createdAt());

        tenants.update(tenant.confirm()).block(TIMEOUT);
        assertThat(timestamps(tenant.id())).containsExactly(tenant.createdAt(), NOW);
    }

    @Test
    void failureWhileStoringTheOriginsLeavesNoTenantBehind() {
        Tenants tenants = tenants();
        Tenant tenant = activeTenant().withOrigin("https://fine.example").withOrigin(REFUSED_ORIGIN).build();

        whileTheDatabaseRefuses(REFUSED_ORIGIN, () ->
                StepVerifier.create(tenants.add(tenant)).expectError(DataIntegrityViolationException.class).verify(TIMEOUT));

        StepVerifier.create(tenants.findById(tenant.id())).expectComplete().verify(TIMEOUT);
        assertThat(countRows("tenant")).isZero();
        assertThat(countRows("tenant_allowed_origin")).isZero();
    }

    @Test
    void failureWhileStoringTheOriginsInsideATransactionLeavesNoTenantBehindWhenTheTransactionGoesOn() {
        Tenants tenants = tenants();
        Tenant tenant = activeTenant().withOrigin(REFUSED_ORIGIN).build();
        Tenant other = activeTenant().build();
        // H2 keeps a transaction going after a failed statement, so the tenant row must be undone by a savepoint.
        Mono<Tenant> work = tenants.add(tenant).onErrorResume(DataIntegrityViolationException.class, e -> Mono.empty())
                .then(tenants.add(other));

        whileTheDatabaseRefuses(REFUSED_ORIGIN, () -> StepVerifier.create(
                R2dbcTransactions.using(connectionFactory()).inTransaction(work)).expectNext(other).verifyComplete());

        StepVerifier.create(tenants.findById(tenant.id())).expectComplete().verify(TIMEOUT);
        assertThat(countRows("tenant")).isOne();
        assertThat(countRows("tenant_allowed_origin")).isOne();
    }

    @Test
    void failedUpdateChangesNothing() {
        Tenants tenants = tenants();
        Tenant tenant = pendingTenant().withOrigin("https://old.example").build();
        tenants.add(tenant).block(TIMEOUT);
        Tenant changed = tenant.confirm()
                .withAllowedOrigins(AllowedOrigins.of(Origin.parse("https://new.example"), Origin.parse(REFUSED_ORIGIN)));

        whileTheDatabaseRefuses(REFUSED_ORIGIN, () ->
                StepVerifier.create(tenants.update(changed)).expectError(DataIntegrityViolationException.class).verify(TIMEOUT));

        StepVerifier.create(tenants.findById(tenant.id())).expectNext(tenant).expectComplete().verify(TIMEOUT);
        assertThat(timestamps(tenant.id())).containsExactly(tenant.createdAt(), tenant.createdAt());
    }

    @Test
    void checkConstraintsRefuseAStatusOrPositionTheDomainDoesNotKnow() {
        Tenant tenant = activeTenant().build();
        tenants().add(tenant).block(TIMEOUT);

        for (String change : List.of("status = 'DELETED'", "position = 'TOP_LEFT'")) {
            StepVerifier.create(DatabaseClient.create(connectionFactory())
                            .sql("UPDATE tenant SET " + change + " WHERE id = :id").bind("id", tenant.id().value())
                            .fetch().rowsUpdated())
                    .expectError(DataIntegrityViolationException.class).verify(TIMEOUT);
        }
        StepVerifier.create(tenants().findById(tenant.id())).expectNext(tenant).expectComplete().verify(TIMEOUT);
    }

    @Test
    void checkConstraintRefusesASuspensionReasonWithoutASuspensionAndASuspensionWithoutOne() {
        Tenant active = activeTenant().build();
        Tenant suspended = activeTenant().build().suspend("Unpaid");
        tenants().add(active).block(TIMEOUT);
        tenants().add(suspended).block(TIMEOUT);

        for (Tenant tenant : List.of(active, suspended)) {
            StepVerifier.create(DatabaseClient.create(connectionFactory())
                            .sql("UPDATE tenant SET suspension_reason = CASE WHEN suspension_reason IS NULL"
                                    + " THEN 'Unpaid' END WHERE id = :id")
                            .bind("id", tenant.id().value())
                            .fetch().rowsUpdated())
                    .expectError(DataIntegrityViolationException.class).verify(TIMEOUT);
            StepVerifier.create(tenants().findById(tenant.id())).expectNext(tenant).expectComplete().verify(TIMEOUT);
        }
    }

    @Test
    void everyTextColumnIsExactlyAsLongAsTheDomainAllows() {
        Map<String, Integer> columns = textColumnSizes();

        // Columns holding names of the code's own choosing only need room for the longest.
        assertThat(columns.remove("tenant.status"))
                .isGreaterThanOrEqualTo(longest(Stream.of(TenantStatus.values()).map(Enum::name)));
        assertThat(columns.remove("tenant.position"))
                .isGreaterThanOrEqualTo(longest(Stream.of(Position.values()).map(Enum::name)));
        assertThat(columns.remove("tenant.language"))
                .isGreaterThanOrEqualTo(longest(Stream.of(Language.values()).map(Language::code)));
        assertThat(columns.remove("tenant.time_zone"))
                .isGreaterThanOrEqualTo(longest(ZoneId.getAvailableZoneIds().stream()));
        assertThat(columns.remove("one_time_token.purpose"))
                .isGreaterThanOrEqualTo(longest(Stream.of(TokenPurpose.values()).map(Enum::name)));
        assertThat(columns.remove("mail_outbox.status"))
                .isGreaterThanOrEqualTo(longest(Stream.of(MailStatus.values()).map(Enum::name)));
        assertThat(columns.remove("availability_rule.recurrence"))
                .isGreaterThanOrEqualTo(longest(Stream.of(Recurrence.values()).map(Enum::name)));
        assertThat(columns.remove("booking.status"))
                .isGreaterThanOrEqualTo(longest(Stream.of(BookingStatus.values()).map(Enum::name)));
        assertThat(columns.remove("chat_message.role"))
                .isGreaterThanOrEqualTo(longest(Stream.of(MessageRole.values()).map(Enum::name)));
        // As many epoch microseconds as a limit remembers, each a long of at most 20 characters, between commas.
        assertThat(columns.remove("rolling_limit.events"))
                .isGreaterThanOrEqualTo(RollingLimit.MAX_EVENTS * (String.valueOf(Long.MIN_VALUE).length() + 1) - 1);
        // Every other text column holds a value object and is exactly as long as the longest one the domain accepts.
        assertThat(columns).containsExactlyInAnyOrderEntriesOf(Map.ofEntries(
                Map.entry("tenant.client_key", ClientKey.MAX_LENGTH),
                Map.entry("tenant.owner_email", EmailAddress.MAX_LENGTH),
                Map.entry("tenant.password_hash", PasswordHash.MAX_LENGTH),
                Map.entry("tenant.display_name", DisplayName.MAX_LENGTH),
                Map.entry("tenant.title", Branding.MAX_TITLE_LENGTH),
                Map.entry("tenant.button_emoji", Branding.MAX_BUTTON_EMOJI_LENGTH),
                Map.entry("tenant.logo_url", Branding.MAX_LOGO_URL_LENGTH),
                Map.entry("tenant.first_message", Branding.MAX_FIRST_MESSAGE_LENGTH),
                Map.entry("tenant.font", Branding.MAX_FONT_LENGTH),
                Map.entry("tenant.primary_color", HexColor.MAX_LENGTH),
                Map.entry("tenant.text_color", HexColor.MAX_LENGTH),
                Map.entry("tenant.system_prompt", AssistantSettings.MAX_PROMPT_LENGTH),
                Map.entry("tenant.model", AssistantSettings.MAX_MODEL_LENGTH),
                Map.entry("tenant.suspension_reason", Tenant.MAX_SUSPENSION_REASON_LENGTH),
                Map.entry("tenant_allowed_origin.origin", Origin.MAX_LENGTH),
                Map.entry("attempt_counter.counter_key", AttemptCounters.MAX_KEY_LENGTH),
                Map.entry("one_time_token.token_hash", TOKEN_HASH_LENGTH),
                Map.entry("one_time_token.subject", OneTimeToken.MAX_SUBJECT_LENGTH),
                Map.entry("rolling_limit.limit_key", RollingLimits.MAX_KEY_LENGTH),
                Map.entry("mail_outbox.message_id", OutgoingMail.MAX_MESSAGE_ID_LENGTH),
                Map.entry("mail_outbox.recipient", EmailAddress.MAX_LENGTH),
                Map.entry("mail_outbox.subject", MailContent.MAX_SUBJECT_LENGTH),
                Map.entry("mail_outbox.text_body", MailContent.MAX_BODY_LENGTH),
                Map.entry("mail_outbox.html_body", MailContent.MAX_BODY_LENGTH),
                Map.entry("mail_outbox.last_error", MailOutbox.MAX_ERROR_LENGTH),
                Map.entry("mail_outbox.calendar_body", MailContent.MAX_BODY_LENGTH),
                Map.entry("booking.visitor_name", Visitor.MAX_NAME_LENGTH),
                Map.entry("booking.visitor_email", EmailAddress.MAX_LENGTH),
                Map.entry("booking.visitor_phone", Visitor.MAX_PHONE_LENGTH),
                Map.entry("booking.visitor_notes", Visitor.MAX_NOTES_LENGTH),
                Map.entry("booking.idempotency_key", Booking.MAX_IDEMPOTENCY_KEY_LENGTH),
                // The hash of a booking request, SHA-256 in hex like a token's.
                Map.entry("booking.request_hash", TOKEN_HASH_LENGTH),
                Map.entry("conversation.visitor_id", LONGEST_VISITOR_ID.length()),
                // The port leaves the length of a message open; the store refuses longer content before writing.
                Map.entry("chat_message.content", R2dbcConversations.MAX_CONTENT_LENGTH),
                Map.entry("usage_counter.counter_key", UsageCounters.MAX_KEY_LENGTH)));
    }

    @Test
    void valueQuotingTheOtherConstraintsNameDoesNotMisleadTheTranslation() {
        Tenants tenants = tenants();
        // Both databases echo the duplicate value in their message; this one contains the client key constraint's name.
        tenants.add(activeTenant().withOwnerEmail("uq_tenant_client_key@trap.example").build()).block(TIMEOUT);
        Tenant second = pendingTenant().withOwnerEmail("uq_tenant_client_key@trap.example").build();

        StepVerifier.create(tenants.add(second)).expectError(OwnerEmailTakenException.class).verify(TIMEOUT);
    }

    @Test
    void tenantWithTakenClientKeyAndTakenEmailIsRejectedAsTaken() {
        Tenants tenants = tenants();
        Tenant first = activeTenant().build();
        tenants.add(first).block(TIMEOUT);
        Tenant twin = pendingTenant().withClientKey(first.clientKey().value())
                .withOwnerEmail(first.owner().email().value()).build();

        StepVerifier.create(tenants.add(twin))
                .expectErrorSatisfies(error -> assertThat(error)
                        .isInstanceOfAny(ClientKeyTakenException.class, OwnerEmailTakenException.class))
                .verify(TIMEOUT);
    }

    private List<Instant> timestamps(TenantId id) {
        return DatabaseClient.create(connectionFactory())
                .sql("SELECT created_at, updated_at FROM tenant WHERE id = :id")
                .bind("id", id.value())
                .map(row -> List.of(row.get("created_at", OffsetDateTime.class).toInstant(),
                        row.get("updated_at", OffsetDateTime.class).toInstant()))
                .one()
                .block(TIMEOUT);
    }

    private long countRows(String table) {
        return DatabaseClient.create(connectionFactory())
                .sql("SELECT COUNT(*) AS n FROM " + table)
                .map(row -> row.get("n", Long.class))
                .one()
                .block(TIMEOUT);
    }

    /**
     * Runs {@code action} while a temporary check constraint makes the database refuse {@code origin}: a write the
     * domain allows but the database rejects, halfway through storing a tenant.
     */
    private void whileTheDatabaseRefuses(String origin, Runnable action) {
        DatabaseClient database = DatabaseClient.create(connectionFactory());
        database.sql("ALTER TABLE tenant_allowed_origin ADD CONSTRAINT ck_test_refused_origin CHECK (origin <> '"
                + origin + "')").then().block(TIMEOUT);
        try {
            action.run();
        } finally {
            database.sql("ALTER TABLE tenant_allowed_origin DROP CONSTRAINT ck_test_refused_origin").then().block(TIMEOUT);
        }
    }

    /**
     * The declared length of every {@code varchar} column of every table but Flyway's, by {@code table.column}: a new
     * table's text columns must be named in {@link #everyTextColumnIsExactlyAsLongAsTheDomainAllows()} too.
     */
    private Map<String, Integer> textColumnSizes() {
        return DatabaseClient.create(connectionFactory())
                .sql("SELECT lower(table_name) AS table_name, lower(column_name) AS column_name,"
                        + " CAST(character_maximum_length AS integer) AS max_length FROM information_schema.columns"
                        + " WHERE lower(table_schema) = lower(current_schema)"
                        + " AND lower(table_name) <> 'flyway_schema_history'"
                        + " AND lower(data_type) = 'character varying'")
                .map(row -> Map.entry(row.get("table_name", String.class) + "." + row.get("column_name", String.class),
                        row.get("max_length", Integer.class)))
                .all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue, HashMap::new)
                .block(TIMEOUT);
    }

    private static int longest(Stream<String> names) {
        return names.mapToInt(String::length).max().orElseThrow();
    }

    /** A tenant whose every text is as long as its value object allows, with non-ASCII characters where they fit. */
    private static Tenant longestTenant() {
        String label = "l".repeat(63);
        List<Origin> origins = new ArrayList<>();
        // The longest DNS name (253 characters) with the longest port, and an origin as long as the domain allows.
        origins.add(Origin.parse("http://" + String.join(".", label, label, label, "d".repeat(61)) + ":65535"));
        String longestHost = String.join(".", label, label, label, label, "e".repeat(Origin.MAX_LENGTH - 264));
        origins.add(Origin.parse("https://" + longestHost));
        for (int i = 2; i < AllowedOrigins.MAX_COUNT; i++) {
            origins.add(Origin.parse("https://shop-" + i + ".example"));
        }
        String email = "o".repeat(64) + "@" + String.join(".", "b".repeat(61), "c".repeat(61), "d".repeat(61), "exa");
        Branding branding = new Branding(
                "Ä".repeat(Branding.MAX_TITLE_LENGTH),
                "\uD83E\uDD50".repeat(Branding.MAX_BUTTON_EMOJI_LENGTH / 2), // croissants: 2 UTF-16 units each
                URI.create("https://cdn.example/" + "p".repeat(Branding.MAX_LOGO_URL_LENGTH - 24) + ".png"),
                text("Grüß Gott! Wie kann ich helfen?\n", Branding.MAX_FIRST_MESSAGE_LENGTH),
                "Ö".repeat(Branding.MAX_FONT_LENGTH),
                HexColor.of("#a1b2c3"),
                HexColor.of("#000"),
                Position.BOTTOM_CENTER);
        AssistantSettings assistant = new AssistantSettings(
                text("Du bist ein freundlicher Assistent.\n\t", AssistantSettings.MAX_PROMPT_LENGTH),
                "m".repeat(AssistantSettings.MAX_MODEL_LENGTH), Language.DE);
        Tenant tenant = Tenant.reconstitute(
                TenantId.random(),
                ClientKey.of("k" + "0".repeat(ClientKey.MAX_LENGTH - 2) + "z"),
                new Owner(EmailAddress.of(email), new PasswordHash("$2a$12$" + "h".repeat(PasswordHash.MAX_LENGTH - 7)),
                        Instant.parse("2026-11-27T10:15:31Z"), true),
                DisplayName.of("ß".repeat(DisplayName.MAX_LENGTH)),
                TenantStatus.SUSPENDED,
                text("Unpaid since October.\nPlease call us.", Tenant.MAX_SUSPENSION_REASON_LENGTH),
                branding,
                assistant,
                new AllowedOrigins(origins),
                false,
                ZoneId.of("America/Argentina/ComodRivadavia"),
                Instant.parse("2026-11-02T09:30:00.123456Z"),
                0);
        assertThat(tenant.clientKey().value()).hasSize(ClientKey.MAX_LENGTH);
        assertThat(tenant.owner().email().value()).hasSize(EmailAddress.MAX_LENGTH);
        assertThat(origins.get(0).value()).hasSize("http://".length() + 253 + ":65535".length());
        assertThat(origins.get(1).value()).hasSize(Origin.MAX_LENGTH);
        assertThat(tenant.branding().logo().orElseThrow().toString()).hasSize(Branding.MAX_LOGO_URL_LENGTH);
        assertThat(tenant.assistant().systemPrompt()).hasSize(AssistantSettings.MAX_PROMPT_LENGTH);
        assertThat(tenant.branding().firstMessage()).hasSize(Branding.MAX_FIRST_MESSAGE_LENGTH);
        return tenant;
    }

    /** {@code unit} repeated to exactly {@code length} characters, ending in a visible character. */
    private static String text(String unit, int length) {
        return unit.repeat(length / unit.length() + 1).substring(0, length - 1) + ".";
    }
}
