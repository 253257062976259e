package dev.concierge.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.concierge.adapter.persistence.testing.TestPostgres;
import dev.concierge.application.testing.TestClock;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Mail end to end, on PostgreSQL, through a real SMTP server in the test (GreenMail) and a clock the test moves: the
 * password reset read from the delivered mail, the limits, the outbox riding out an SMTP outage, escaping of what
 * users typed, and a sign-up with a taken address that looks like any other.
 */
class MailApplicationTest {

    private static final String PUBLIC_URL = "https://concierge.example";
    private static final String PASSWORD = "Sunrise42";
    private static final String ADMIN_EMAIL = "admin@platform.example";
    private static final String ADMIN_PASSWORD = "Platform-Admin-2026";
    private static final Pattern RESET_LINK = Pattern.compile(
            Pattern.quote(PUBLIC_URL) + "/console/reset-password/([A-Za-z0-9_-]{43})");
    private static final Pattern VERIFY_LINK = Pattern.compile(
            Pattern.quote(PUBLIC_URL) + "/console/verify-email/([A-Za-z0-9_-]{43})");
    private static final Duration PATIENCE = Duration.ofSeconds(20);

    private static final TestClock clock = new TestClock(Instant.now());
    private static ServerSetup smtp;
    private static GreenMail greenMail;
    private static ConfigurableApplicationContext application;
    private static WebTestClient client;

    @BeforeAll
    static void start() throws IOException {
        TestPostgres postgres = TestPostgres.get();
        postgres.truncateAll();
        smtp = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        greenMail = new GreenMail(smtp);
        greenMail.start();
        application = new SpringApplicationBuilder(ConciergeApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("clock",
                        java.time.Clock.class, () -> clock))
                .properties("DATABASE_URL=" + PostgresApplicationTest.originalForm(postgres.databaseUrl()))
                .run("--server.port=0", "--JWT_SECRET=" + PostgresApplicationTest.TEST_JWT_SECRET,
                        "--FRONTEND_URL=" + PUBLIC_URL, "--ADMIN_EMAIL=" + ADMIN_EMAIL,
                        "--ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                        "--EMAIL_HOST=127.0.0.1", "--EMAIL_PORT=" + smtp.getPort(),
                        "--EMAIL_FROM=Concierge <no-reply@concierge.example>",
                        "--concierge.mail.plain-smtp=true", "--concierge.mail.poll-interval=100ms",
                        "--concierge.mail.reset-answer-floor=100ms",
                        "--concierge.security.bcrypt-strength=4",
                        "--concierge.security.sign-ups-per-address-per-hour=10000",
                        "--concierge.security.resets-per-address-per-hour=10000",
                        "--concierge.security.logins-per-address-per-minute=10000");
        client = TestClients.onPort(application.getEnvironment().getProperty("local.server.port"));
    }

    @AfterAll
    static void stop() {
        if (application != null) {
            application.close();
        }
        greenMail.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    private static EntityExchangeResult<byte[]> signUp(String key, String email, String displayName) {
        return client.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ownerEmail", email, "password", PASSWORD, "displayName", displayName,
                        "clientKey", key, "allowedOrigins", List.of("https://" + key + ".example")))
                .exchange().expectStatus().isCreated().expectBody().returnResult();
    }

    private static EntityExchangeResult<byte[]> requestReset(String email) {
        return client.post().uri("/api/v1/auth/password-reset").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email)).exchange()
                .expectStatus().isAccepted().expectBody().returnResult();
    }

    /** The mails delivered to {@code to} so far, once at least {@code count} arrived. */
    private static List<MimeMessage> mailsTo(String to, int count) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<MimeMessage> found = new ArrayList<>();
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(to)) {
                    found.add(message);
                }
            }
            if (found.size() >= count || System.nanoTime() > deadline) {
                assertThat(found).as("mails to %s", to).hasSizeGreaterThanOrEqualTo(count);
                return found;
            }
            Thread.sleep(50);
        }
    }

    /** The text and the HTML part of a mail, in that order. */
    private static List<String> parts(MimeMessage message) throws Exception {
        Multipart alternative = (Multipart) message.getContent();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < alternative.getCount(); i++) {
            BodyPart part = alternative.getBodyPart(i);
            parts.add(part.getContent().toString());
        }
        assertThat(alternative.getBodyPart(0).isMimeType("text/plain")).isTrue();
        assertThat(alternative.getBodyPart(1).isMimeType("text/html")).isTrue();
        return parts;
    }

    private static String token(MimeMessage message, Pattern link) throws Exception {
        Matcher matcher = link.matcher(parts(message).get(0));
        assertThat(matcher.find()).as("a link in %s", parts(message).get(0)).isTrue();
        return matcher.group(1);
    }

    private static String resetToken(String email, int nth) throws Exception {
        List<MimeMessage> resets = new ArrayList<>();
        for (MimeMessage message : mailsTo(email, 1)) {
            if (RESET_LINK.matcher(parts(message).get(0)).find()) {
                resets.add(message);
            }
        }
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (resets.size() < nth && System.nanoTime() < deadline) {
            Thread.sleep(50);
            resets.clear();
            for (MimeMessage message : mailsTo(email, 1)) {
                if (RESET_LINK.matcher(parts(message).get(0)).find()) {
                    resets.add(message);
                }
            }
        }
        assertThat(resets).hasSizeGreaterThanOrEqualTo(nth);
        return token(resets.get(nth - 1), RESET_LINK);
    }

    private static void confirmReset(String token, String password, int status) {
        client.post().uri("/api/v1/auth/password-reset/confirm").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("token", token, "newPassword", password)).exchange()
                .expectStatus().isEqualTo(status);
    }

    private static List<Map<String, Object>> rows(String sql, Object... parameters) {
        TestPostgres postgres = TestPostgres.get();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.username(),
                postgres.password());
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                query.setObject(i + 1, parameters[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Map<String, Object> row = new java.util.HashMap<>();
                    for (int column = 1; column <= result.getMetaData().getColumnCount(); column++) {
                        row.put(result.getMetaData().getColumnLabel(column), result.getObject(column));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(String value) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(value.getBytes(StandardCharsets.US_ASCII)));
    }

    // --- tests -------------------------------------------------------------------------------------------------

    @Test
    void theMailedResetLinkSetsANewPasswordOnceAndOnlyItsHashIsStored() throws Exception {
        String email = "reset@bakery.example";
        signUp("reset-bakery", email, "Reset Bakery");

        requestReset(email);
        String token = resetToken(email, 1);

        List<Map<String, Object>> stored = rows("SELECT token_hash FROM one_time_token t JOIN tenant ON tenant.id ="
                + " t.tenant_id WHERE tenant.owner_email = ? AND t.purpose = 'PASSWORD_RESET'", email);
        assertThat(stored).singleElement().satisfies(row -> {
            assertThat(row.get("token_hash")).isNotEqualTo(token);
            assertThat(row.get("token_hash")).isEqualTo(sha256(token));
        });
        client.get().uri("/api/v1/auth/password-reset/" + token).exchange().expectStatus().isOk()
                .expectHeader().valueEquals("Referrer-Policy", "no-referrer")
                .expectBody().jsonPath("$.valid").isEqualTo(true);

        confirmReset(token, "Moonrise43", 204);
        confirmReset(token, "Starlight44", 410);

        client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "Moonrise43")).exchange().expectStatus().isOk();
        client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", PASSWORD)).exchange().expectStatus().isUnauthorized();
        assertThat(rows("SELECT 1 FROM one_time_token t JOIN tenant ON tenant.id = t.tenant_id"
                + " WHERE tenant.owner_email = ? AND t.purpose = 'PASSWORD_RESET'", email)).isEmpty();
        // Verification at sign-up, the reset link, and "your password was changed".
        MimeMessage changed = null;
        for (MimeMessage mail : mailsTo(email, 3)) {
            if (mail.getSubject().contains("changed")) {
                changed = mail;
            }
        }
        assertThat(changed).as("the password-changed notice").isNotNull();
        assertThat(changed.getSubject()).doesNotContain(token);
        assertThat(parts(changed).get(0)).doesNotContain(token);
    }

    @Test
    void aResetLinkStopsWorkingOneSecondAfterItsHour() throws Exception {
        String email = "late@bakery.example";
        signUp("late-bakery", email, "Late Bakery");
        requestReset(email);
        String token = resetToken(email, 1);

        clock.advance(Duration.ofMinutes(60).plusSeconds(1));

        client.get().uri("/api/v1/auth/password-reset/" + token).exchange()
                .expectBody().jsonPath("$.valid").isEqualTo(false);
        confirmReset(token, "Moonrise43", 410);
    }

    @Test
    void theFourthRequestWithinAnHourAnswersTheSameAndSendsNothing() throws Exception {
        String email = "often@bakery.example";
        signUp("often-bakery", email, "Often Bakery");
        List<byte[]> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(requestReset(email).getResponseBody());
        }

        assertThat(answers).allSatisfy(answer -> assertThat(answer).isEqualTo(answers.get(0)));
        resetToken(email, 3);
        Thread.sleep(1_000);
        assertThat(mailsTo(email, 1)).as("the verification mail and three reset mails").hasSize(4);
        assertThat(rows("SELECT 1 FROM mail_outbox WHERE recipient = ?", email)).hasSize(4);
    }

    @Test
    void knownAndUnknownAddressesGetByteIdenticalAnswers() {
        signUp("known-bakery", "known@bakery.example", "Known Bakery");

        EntityExchangeResult<byte[]> known = requestReset("known@bakery.example");
        EntityExchangeResult<byte[]> unknown = requestReset("unknown@bakery.example");

        assertThat(known.getResponseBody()).isEqualTo(unknown.getResponseBody());
        assertThat(known.getStatus()).isEqualTo(unknown.getStatus());
        assertThat(known.getResponseHeaders().getContentType()).isEqualTo(unknown.getResponseHeaders().getContentType());
    }

    @Test
    void withTheMailServerDownARequestAnswersAtOnceAndItsMailArrivesOnceTheServerIsBack() throws Exception {
        String email = "outage@bakery.example";
        signUp("outage-bakery", email, "Outage Bakery");
        mailsTo(email, 1);
        greenMail.stop();
        try {
            long started = System.nanoTime();
            requestReset(email);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));

            long deadline = System.nanoTime() + PATIENCE.toNanos();
            List<Map<String, Object>> pending;
            do {
                Thread.sleep(100);
                pending = rows("SELECT status, attempts, last_error FROM mail_outbox WHERE recipient = ?"
                        + " AND status = 'PENDING'", email);
            } while ((pending.isEmpty() || pending.get(0).get("last_error") == null) && System.nanoTime() < deadline);
            assertThat(pending).singleElement().satisfies(row -> {
                assertThat((Integer) row.get("attempts")).isGreaterThanOrEqualTo(1);
                assertThat(row.get("last_error")).isNotNull();
            });
        } finally {
            greenMail = new GreenMail(smtp);
            greenMail.start();
        }
        clock.advance(Duration.ofMinutes(2));

        resetToken(email, 1);
        assertThat(rows("SELECT 1 FROM mail_outbox WHERE recipient = ? AND status <> 'SENT'", email)).isEmpty();
    }

    @Test
    void whatUsersTypedArrivesEscapedInEveryMail() throws Exception {
        String email = "script@bakery.example";
        String name = "<script>alert(1)</script> & <img src=x onerror=alert(1)>";
        String id = (String) client.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ownerEmail", email, "password", PASSWORD, "displayName", name,
                        "clientKey", "script-bakery", "allowedOrigins", List.of("https://script.example")))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("id");
        String admin = (String) client.post().uri("/api/v1/auth/login").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", ADMIN_EMAIL, "password", ADMIN_PASSWORD)).exchange()
                .expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody().get("token");
        client.post().uri("/api/v1/admin/tenants/" + id + "/confirm").headers(h -> h.setBearerAuth(admin))
                .exchange().expectStatus().isOk();

        List<MimeMessage> mails = mailsTo(email, 2);
        for (MimeMessage mail : mails) {
            String html = parts(mail).get(1);
            assertThat(html).doesNotContain("<script").doesNotContain("<img src=x")
                    .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
            assertThat(mail.getSubject()).doesNotContain("/console/");
        }
        // The two mails may arrive in either order: they were queued together and are sent in parallel.
        List<String> verifyTokens = new ArrayList<>();
        for (MimeMessage mail : mails) {
            Matcher link = VERIFY_LINK.matcher(parts(mail).get(0));
            if (link.find()) {
                verifyTokens.add(link.group(1));
            }
        }
        assertThat(verifyTokens).singleElement().satisfies(token -> assertThat(token).hasSize(43));
    }

    @Test
    void aSignUpWithATakenAddressLooksLikeAnyOtherAndTellsTheOwner() throws Exception {
        String email = "taken@bakery.example";
        signUp("taken-bakery", email, "Taken Bakery");
        mailsTo(email, 1);

        Map<?, ?> taken = client.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ownerEmail", email, "password", PASSWORD, "displayName", "Second Shop",
                        "clientKey", "second-shop", "allowedOrigins", List.of("https://second.example")))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
        Map<?, ?> fresh = client.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ownerEmail", "fresh@bakery.example", "password", PASSWORD, "displayName",
                        "Second Shop", "clientKey", "third-shop", "allowedOrigins", List.of("https://second.example")))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();

        assertThat(taken.keySet()).isEqualTo(fresh.keySet());
        for (Object field : taken.keySet()) {
            if (!List.of("id", "clientKey", "ownerEmail", "createdAt").contains(field)) {
                assertThat(taken.get(field)).as(field.toString()).isEqualTo(fresh.get(field));
            }
        }
        assertThat(taken.get("id")).isNotEqualTo(fresh.get("id"));
        assertThat(rows("SELECT 1 FROM tenant WHERE owner_email = ?", email)).hasSize(1);
        assertThat(rows("SELECT 1 FROM tenant WHERE client_key = 'second-shop'")).isEmpty();
        assertThat(rows("SELECT 1 FROM tenant WHERE id = ?::uuid", taken.get("id"))).isEmpty();
        MimeMessage notice = mailsTo(email, 2).get(1);
        assertThat(parts(notice).get(0)).contains(PUBLIC_URL + "/console/forgot-password");
        client.post().uri("/api/v1/tenants").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("ownerEmail", "other@bakery.example", "password", PASSWORD, "displayName",
                        "Other Shop", "clientKey", "taken-bakery", "allowedOrigins", List.of("https://other.example")))
                .exchange().expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("clientKey");
    }
}
