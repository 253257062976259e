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
import java.io.StringReader;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.DtStart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * Appointments end to end on PostgreSQL, with two instances sharing the database and a real SMTP server: no slot is
 * ever booked twice however many visitors try at once, the mailed invitations parse as calendars in the business's
 * time zone, and cancelling frees the slot.
 */
class AppointmentsApplicationTest {

    private static final String ADMIN_EMAIL = "admin@platform.example";
    private static final String ADMIN_PASSWORD = "Platform-Admin-2026";
    private static final String ORIGIN = "https://bakery.example";
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    /** A Saturday in winter: Mondays at 10:00 in Berlin are 09:00 UTC. */
    private static final TestClock clock = new TestClock(Instant.parse("2026-11-28T08:00:00Z"));

    private static GreenMail greenMail;
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static WebTestClient client;
    private static String firstUrl;
    private static String secondUrl;

    @BeforeAll
    static void start() throws IOException {
        TestPostgres postgres = TestPostgres.get();
        postgres.truncateAll();
        int smtpPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            smtpPort = socket.getLocalPort();
        }
        greenMail = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        first = instance(postgres, smtpPort);
        second = instance(postgres, smtpPort);
        firstUrl = "http://localhost:" + first.getEnvironment().getProperty("local.server.port");
        secondUrl = "http://localhost:" + second.getEnvironment().getProperty("local.server.port");
        client = TestClients.onPort(first.getEnvironment().getProperty("local.server.port"));
    }

    private static ConfigurableApplicationContext instance(TestPostgres postgres, int smtpPort) {
        return new SpringApplicationBuilder(ConciergeApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean("clock",
                        java.time.Clock.class, () -> clock))
                .properties("DATABASE_URL=" + PostgresApplicationTest.originalForm(postgres.databaseUrl()))
                .run("--server.port=0", "--JWT_SECRET=" + PostgresApplicationTest.TEST_JWT_SECRET,
                        "--FRONTEND_URL=https://concierge.example", "--ADMIN_EMAIL=" + ADMIN_EMAIL,
                        "--ADMIN_PASSWORD=" + ADMIN_PASSWORD, "--EMAIL_HOST=127.0.0.1", "--EMAIL_PORT=" + smtpPort,
                        "--EMAIL_FROM=no-reply@concierge.example", "--concierge.mail.plain-smtp=true",
                        "--concierge.mail.poll-interval=100ms", "--concierge.security.bcrypt-strength=4",
                        "--concierge.widget.cache-ttl=100ms",
                        "--spring.r2dbc.pool.max-size=20", "--spring.r2dbc.pool.max-acquire-time=10s");
    }

    @AfterAll
    static void stop() {
        for (ConfigurableApplicationContext instance : new ConfigurableApplicationContext[] {first, second}) {
            if (instance != null) {
                instance.close();
            }
        }
        greenMail.stop();
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    /** An active tenant that takes appointments on Mondays at 10:00 in Berlin, and its owner's session. */
    private static String bakeryOwner(String key) {
        String owner = TestBakeries.open(client, key, ORIGIN, ADMIN_EMAIL, ADMIN_PASSWORD);
        client.post().uri("/api/v1/tenant/availability").headers(h -> h.setBearerAuth(owner))
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"startDate\": \"2026-11-30\", \"startTime\": \"10:00\", \"recurrence\": \"WEEKLY\"}")
                .exchange().expectStatus().isCreated();
        return owner;
    }

    /** Fires {@code count} bookings of one slot at once, alternating between the given servers; their statuses. */
    private static Map<Integer, Long> stampede(String key, String start, int count, String... servers) {
        WebClient web = WebClient.create();
        return Flux.range(0, count)
                .flatMap(i -> web.post().uri(servers[i % servers.length] + "/api/v1/widget/" + key + "/bookings")
                        .header(HttpHeaders.ORIGIN, ORIGIN).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of("start", start, "name", "Visitor " + i, "email", "v" + i + "@example.com"))
                        .exchangeToMono(answer -> answer.releaseBody().thenReturn(answer.statusCode().value())),
                        count)
                .collectList()
                .block(Duration.ofSeconds(60))
                .stream().collect(Collectors.groupingBy(status -> status, Collectors.counting()));
    }

    private static List<String> freeSlots(String key) {
        return client.get().uri("/api/v1/widget/" + key + "/slots?to=2026-12-20T00:00:00Z")
                .header(HttpHeaders.ORIGIN, ORIGIN).exchange().expectStatus().isOk()
                .expectBody(Map.class).returnResult().getResponseBody().get("slots") instanceof List<?> slots
                ? slots.stream().map(slot -> ((Map<?, ?>) slot).get("start").toString()).toList() : List.of();
    }

    /** The calendars mailed to {@code to} so far, once at least {@code count} arrived, oldest first. */
    private static List<Calendar> calendarsTo(String to, int count) throws Exception {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            List<Calendar> found = new ArrayList<>();
            for (MimeMessage message : greenMail.getReceivedMessages()) {
                if (message.getRecipients(Message.RecipientType.TO)[0].toString().equals(to)) {
                    String ics = calendarPart((Multipart) message.getContent());
                    if (ics != null) {
                        found.add(new CalendarBuilder().build(new StringReader(ics)));
                    }
                }
            }
            if (found.size() >= count || System.nanoTime() > deadline) {
                assertThat(found).as("calendars mailed to %s", to).hasSizeGreaterThanOrEqualTo(count);
                return found;
            }
            Thread.sleep(50);
        }
    }

    private static String calendarPart(Multipart multipart) throws Exception {
        for (int i = 0; i < multipart.getCount(); i++) {
            BodyPart part = multipart.getBodyPart(i);
            if (part.isMimeType("text/calendar")) {
                Object content = part.getContent();
                return content instanceof String text ? text : new String(((java.io.InputStream) content)
                        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            if (part.getContent() instanceof Multipart nested) {
                String found = calendarPart(nested);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static String property(Calendar calendar, String name) {
        return calendar.getProperty(name).map(p -> p.getValue()).orElse(null);
    }

    private static VEvent event(Calendar calendar) {
        return calendar.<VEvent>getComponent("VEVENT").orElseThrow();
    }

    private static String value(VEvent event, String name) {
        return event.<Property>getRequiredProperty(name).getValue();
    }

    private static String startZone(VEvent event) {
        DtStart<Temporal> start = event.getRequiredProperty(Property.DTSTART);
        return start.<Parameter>getRequiredParameter(Parameter.TZID).getValue();
    }

    // --- tests -------------------------------------------------------------------------------------------------

    @Test
    void fiftyVisitorsBookingOneSlotAtOnceGetOneBookingAndFortyNineConflicts() {
        bakeryOwner("rush-bakery");

        Map<Integer, Long> statuses = stampede("rush-bakery", "2026-11-30T09:00:00Z", 50, firstUrl);

        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 49L));
    }

    @Test
    void twoInstancesSharingTheDatabaseStillGiveOneSlotToOneVisitor() {
        bakeryOwner("twin-bakery");

        Map<Integer, Long> statuses = stampede("twin-bakery", "2026-12-07T09:00:00Z", 50, firstUrl, secondUrl);

        assertThat(statuses).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1L, 409, 49L));
    }

    @Test
    void invitationsCarryTheBusinessTimeZoneOneUidAndARisingSequenceAndCancellingFreesTheSlot() throws Exception {
        String owner = bakeryOwner("ics-bakery");
        assertThat(freeSlots("ics-bakery")).contains("2026-12-14T09:00:00Z");
        String id = client.post().uri("/api/v1/widget/ics-bakery/bookings").header(HttpHeaders.ORIGIN, ORIGIN)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("start", "2026-12-14T09:00:00Z", "name", "Ada <script>", "email",
                        "ada@visitor.example"))
                .exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody()
                .get("id").toString();
        assertThat(freeSlots("ics-bakery")).doesNotContain("2026-12-14T09:00:00Z");

        Calendar request = calendarsTo("ada@visitor.example", 1).get(0);
        assertThat(property(request, "METHOD")).isEqualTo("REQUEST");
        VEvent event = event(request);
        String uid = event.getUid().orElseThrow().getValue();
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("0");
        assertThat(startZone(event)).isEqualTo("Europe/Berlin");
        assertThat(value(event, Property.DTSTART)).isEqualTo("20261214T100000");
        assertThat(calendarsTo("ics-bakery@owner.example", 1).get(0).toString()).contains(uid);

        client.post().uri("/api/v1/tenant/bookings/" + id + "/confirm").headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isOk();
        Calendar update = calendarsTo("ada@visitor.example", 2).get(1);
        assertThat(event(update).getUid().orElseThrow().getValue()).isEqualTo(uid);
        assertThat(value(event(update), Property.SEQUENCE)).isEqualTo("1");

        client.post().uri("/api/v1/tenant/bookings/" + id + "/cancel").headers(h -> h.setBearerAuth(owner))
                .exchange().expectStatus().isOk();
        Calendar cancel = calendarsTo("ada@visitor.example", 3).get(2);
        assertThat(property(cancel, "METHOD")).isEqualTo("CANCEL");
        assertThat(event(cancel).getUid().orElseThrow().getValue()).isEqualTo(uid);
        assertThat(value(event(cancel), Property.SEQUENCE)).isEqualTo("2");
        assertThat(freeSlots("ics-bakery")).as("the cancelled slot is free again").contains("2026-12-14T09:00:00Z");
    }

    @Test
    void aWeeklySlotKeepsItsLocalTimeOnBothSidesOfTheDaylightSavingChange() {
        bakeryOwner("dst-bakery");
        clock.set(Instant.parse("2027-03-16T08:00:00Z"));
        try {
            Map<?, ?> answer = client.get()
                    .uri("/api/v1/widget/dst-bakery/slots?from=2027-03-20T00:00:00Z&to=2027-04-06T00:00:00Z")
                    .header(HttpHeaders.ORIGIN, ORIGIN).exchange().expectStatus().isOk()
                    .expectBody(Map.class).returnResult().getResponseBody();
            List<Map<?, ?>> slots = new ArrayList<>();
            for (Object slot : (List<?>) answer.get("slots")) {
                slots.add((Map<?, ?>) slot);
            }

            assertThat(slots).extracting(slot -> LocalDateTime.parse(slot.get("localStart").toString()).toLocalTime()
                    .toString()).containsOnly("10:00");
            // Berlin moves to summer time on 28 March 2027: 10:00 is 09:00 UTC before and 08:00 UTC after.
            assertThat(slots).extracting(slot -> slot.get("start").toString())
                    .containsExactly("2027-03-22T09:00:00Z", "2027-03-29T08:00:00Z", "2027-04-05T08:00:00Z");
        } finally {
            clock.set(Instant.parse("2026-11-28T08:00:00Z"));
        }
    }
}
