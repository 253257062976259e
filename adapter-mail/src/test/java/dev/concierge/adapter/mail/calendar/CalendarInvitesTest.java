package dev.concierge.adapter.mail.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.application.port.out.Notice;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.tenant.EmailAddress;
import java.io.IOException;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.TimeZoneUpdater;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.TzUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class CalendarInvitesTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-01-10T08:30:15.123Z");
    private static final EmailAddress OWNER = EmailAddress.of("owner@example.com");
    private static final EmailAddress VISITOR = EmailAddress.of("eve@example.org");

    private final CalendarInvites invites = new CalendarInvites(Clock.fixed(NOW, ZoneOffset.UTC));

    static Notice.CalendarEvent event(String method, ZonedDateTime start, String visitorName, BookingStatus status) {
        return new Notice.CalendarEvent("booking-42@concierge.example", 3, method, start, start.plusMinutes(30),
                "Termin bei Bäckerei Müller", OWNER, "Bäckerei Müller", VISITOR, visitorName, status);
    }

    static Notice.CalendarEvent event(String method, ZonedDateTime start) {
        return event(method, start, "Eve Example", BookingStatus.REQUESTED);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"2026-01-15, +01:00", "2026-07-15, +02:00", "2026-03-30, +02:00", "2026-10-26, +01:00"})
    void theSlotStaysAtTenInTheTenantsZoneOnEitherSideOfDaylightSaving(String date, String offset) throws Exception {
        ZonedDateTime start = LocalDateTime.parse(date + "T10:00").atZone(BERLIN);

        String ics = invites.invite(event("REQUEST", start));

        String local = date.replace("-", "") + "T100000";
        assertThat(ics).contains("\r\nDTSTART;TZID=Europe/Berlin:" + local + "\r\n")
                .contains("\r\nDTEND;TZID=Europe/Berlin:" + local.replace("T1000", "T1030") + "\r\n")
                .contains("\r\nBEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\n");
        VEvent parsed = onlyEvent(parse(ics));
        DtStart<Temporal> dtStart = parsed.getRequiredProperty(Property.DTSTART);
        assertThat(dtStart.<Parameter>getRequiredParameter(Parameter.TZID).getValue()).isEqualTo("Europe/Berlin");
        ZonedDateTime parsedStart = (ZonedDateTime) dtStart.getDate();
        assertThat(parsedStart.toLocalDateTime()).isEqualTo(start.toLocalDateTime());
        // The offset comes from the VTIMEZONE the invitation carries, read back by ical4j: the same instant as booked.
        assertThat(parsedStart.getOffset()).isEqualTo(ZoneOffset.of(offset));
        assertThat(parsedStart.toInstant()).isEqualTo(start.toInstant());
    }

    @Test
    void theLocalTimeIsTheOneBookedInEveryZoneThatHasADefinition() {
        // ical4j's own conversion writes some of these an hour off (Europe/Moscow in July, America/Sao_Paulo in
        // January); the invitation must say what the tenant's calendar says.
        List<String> zones = ZoneId.getAvailableZoneIds().stream().filter(id -> id.contains("/")).sorted()
                .collect(Collectors.toList());
        int defined = 0;
        for (String id : zones) {
            for (String date : List.of("2026-01-15", "2026-07-15")) {
                String ics = invites.invite(event("REQUEST", LocalDateTime.parse(date + "T10:00").atZone(ZoneId.of(id))));
                if (ics.contains("BEGIN:VTIMEZONE")) {
                    defined++;
                    assertThat(ics).as(id).contains("\r\nDTSTART;TZID=" + id + ":" + date.replace("-", "") + "T100000\r\n")
                            .contains("\r\nBEGIN:VTIMEZONE\r\nTZID:" + id + "\r\n");
                }
            }
        }
        assertThat(defined).as("zones with a definition, twice each").isGreaterThan(2 * 400);
    }

    @Test
    void carriesMethodProductUidSequenceAndTheMomentItWasWritten() throws Exception {
        String ics = invites.invite(event("REQUEST", LocalDateTime.parse("2026-01-15T10:00").atZone(BERLIN)));

        Calendar calendar = parse(ics);
        assertThat(value(calendar, Property.METHOD)).isEqualTo("REQUEST");
        assertThat(value(calendar, Property.VERSION)).isEqualTo("2.0");
        assertThat(value(calendar, Property.PRODID)).isEqualTo(CalendarInvites.PRODUCT_ID);
        VEvent event = onlyEvent(calendar);
        assertThat(value(event, Property.UID)).isEqualTo("booking-42@concierge.example");
        assertThat(value(event, Property.SEQUENCE)).isEqualTo("3");
        assertThat(value(event, Property.DTSTAMP)).isEqualTo("20260110T083015Z");
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Termin bei Bäckerei Müller");
        assertThat(event.getProperties(Property.DTSTAMP)).hasSize(1);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"REQUEST, REQUESTED, TENTATIVE", "REQUEST, CONFIRMED, CONFIRMED", "CANCEL, CONFIRMED, CANCELLED",
            "CANCEL, CANCELLED, CANCELLED", "CANCEL, REQUESTED, CANCELLED"})
    void statusFollowsTheBookingAndACancellationCancels(String method, BookingStatus booking, String status)
            throws Exception {
        ZonedDateTime start = LocalDateTime.parse("2026-01-15T10:00").atZone(BERLIN);

        Calendar calendar = parse(invites.invite(event(method, start, "Eve Example", booking)));

        assertThat(value(calendar, Property.METHOD)).isEqualTo(method);
        assertThat(value(onlyEvent(calendar), Property.STATUS)).isEqualTo(status);
    }

    @Test
    void organizerIsTheBusinessAndTheVisitorAttendsWithoutBeingAskedToReply() throws Exception {
        VEvent event = onlyEvent(parse(invites.invite(
                event("REQUEST", LocalDateTime.parse("2026-01-15T10:00").atZone(BERLIN)))));

        Property organizer = event.getRequiredProperty(Property.ORGANIZER);
        assertThat(organizer.getValue()).isEqualTo("mailto:owner@example.com");
        assertThat(parameters(organizer)).containsExactly("CN=Bäckerei Müller");
        Property attendee = event.getRequiredProperty(Property.ATTENDEE);
        assertThat(attendee.getValue()).isEqualTo("mailto:eve@example.org");
        assertThat(parameters(attendee))
                .containsExactly("CN=Eve Example", "ROLE=REQ-PARTICIPANT", "PARTSTAT=ACCEPTED", "RSVP=FALSE");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Eve\"; ROLE=CHAIR:mailto:x@evil.example", "Eve\r\nATTENDEE;ROLE=CHAIR:mailto:x@evil.example",
            "Eve\nROLE=CHAIR", "Eve\",ROLE=CHAIR,\"x", "Eve\rRSVP=TRUE", "\"Eve\"^n:;,\\"})
    void aHostileVisitorNameAddsNoPropertyAndNoParameter(String name) throws Exception {
        ZonedDateTime start = LocalDateTime.parse("2026-01-15T10:00").atZone(BERLIN);

        String ics = invites.invite(event("REQUEST", start, name, BookingStatus.REQUESTED));

        VEvent event = onlyEvent(parse(ics));
        assertThat(event.getProperties(Property.ATTENDEE)).hasSize(1);
        assertThat(event.getProperties().stream().map(Property::getName)).containsExactlyInAnyOrder("UID", "SEQUENCE",
                "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "ORGANIZER", "ATTENDEE", "STATUS");
        Property attendee = event.getRequiredProperty(Property.ATTENDEE);
        assertThat(attendee.getValue()).isEqualTo("mailto:eve@example.org");
        assertThat(attendee.getParameters().stream().map(Parameter::getName))
                .containsExactly("CN", "ROLE", "PARTSTAT", "RSVP");
        assertThat(attendee.<Parameter>getRequiredParameter(Parameter.ROLE).getValue()).isEqualTo("REQ-PARTICIPANT");
        assertThat(attendee.<Parameter>getRequiredParameter(Parameter.RSVP).getValue()).isEqualTo("FALSE");
        assertThat(attendee.<Parameter>getRequiredParameter(Parameter.CN).getValue())
                .isEqualTo(PlainValues.parameter(name, CalendarInvites.MAX_NAME_LENGTH))
                .doesNotContain("\"", "\r", "\n").startsWith("Eve");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\r", "\n");
    }

    @Test
    void aHostileSummaryStaysOneProperty() throws Exception {
        ZonedDateTime start = LocalDateTime.parse("2026-01-15T10:00").atZone(BERLIN);
        Notice.CalendarEvent hostile = new Notice.CalendarEvent("uid\r\nMETHOD:PUBLISH", 0, "REQUEST", start,
                start.plusHours(1), "Termin\rATTENDEE:mailto:x@evil.example\n;,\\", OWNER, "Bäckerei\nMüller",
                VISITOR, "Eve", BookingStatus.REQUESTED);

        Calendar calendar = parse(invites.invite(hostile));

        assertThat(calendar.getProperties(Property.METHOD)).hasSize(1);
        VEvent event = onlyEvent(calendar);
        assertThat(event.getProperties(Property.ATTENDEE)).hasSize(1);
        assertThat(value(event, Property.SUMMARY)).isEqualTo("Termin ATTENDEE:mailto:x@evil.example ;,\\");
        assertThat(value(event, Property.UID)).isEqualTo("uid  METHOD:PUBLISH");
        assertThat(parameters(event.getRequiredProperty(Property.ORGANIZER))).containsExactly("CN=Bäckerei Müller");
    }

    @Test
    void longLinesAreFoldedAt75OctetsWithoutSplittingACharacter() throws Exception {
        String name = "Ünïcödé 🥐 Bäckerei " + "Müller 🥐 ".repeat(8);
        ZonedDateTime start = LocalDateTime.parse("2026-01-15T10:00").atZone(BERLIN);

        String ics = invites.invite(event("REQUEST", start, name, BookingStatus.REQUESTED));

        List<String> lines = List.of(ics.split("\r\n"));
        assertThat(lines).allSatisfy(line -> assertThat(line.getBytes(StandardCharsets.UTF_8).length)
                .isLessThanOrEqualTo(CalendarInvites.MAX_LINE_OCTETS));
        assertThat(lines).anySatisfy(line -> assertThat(line).startsWith(" "));
        assertThat(ics).doesNotContain("\uFFFD");
        Property attendee = onlyEvent(parse(ics)).getRequiredProperty(Property.ATTENDEE);
        assertThat(attendee.<Parameter>getRequiredParameter(Parameter.CN).getValue()).isEqualTo(name.strip());
    }

    @Test
    void foldingKeepsShortLinesAndSplitsLongOnesBetweenCharacters() {
        assertThat(CalendarInvites.folded("A:b\r\n")).isEqualTo("A:b\r\n");
        assertThat(CalendarInvites.folded("X:" + "a".repeat(73) + "\r\n")).isEqualTo("X:" + "a".repeat(73) + "\r\n");
        assertThat(CalendarInvites.folded("X:" + "a".repeat(74) + "\r\n"))
                .isEqualTo("X:" + "a".repeat(73) + "\r\n a\r\n");
        // 2 + 36 * 2 = 74 octets, and the next "ü" (2 octets) would make 76: it moves to the next line whole.
        assertThat(CalendarInvites.folded("X:" + "ü".repeat(37) + "\r\n"))
                .isEqualTo("X:" + "ü".repeat(36) + "\r\n ü\r\n");
    }

    @Test
    void aZoneWithoutDaylightSavingIsWrittenInUtcWithoutADefinition() throws Exception {
        ZonedDateTime start = LocalDateTime.parse("2026-01-15T10:00").atZone(ZoneId.of("UTC"));

        String ics = invites.invite(event("REQUEST", start));

        assertThat(ics).contains("\r\nDTSTART:20260115T100000Z\r\n").contains("\r\nDTEND:20260115T103000Z\r\n")
                .doesNotContain("VTIMEZONE").doesNotContain("TZID");
        DtStart<Temporal> dtStart = onlyEvent(parse(ics)).getRequiredProperty(Property.DTSTART);
        assertThat(Instant.from(dtStart.getDate())).isEqualTo(start.toInstant());
    }

    @ParameterizedTest
    @ValueSource(strings = {"America/New_York", "Europe/Amsterdam", "Africa/Accra", "Asia/Kolkata", "Asia/Calcutta",
            "Australia/Lord_Howe", "Pacific/Auckland"})
    void everyZoneIsDefinedUnderTheNameTheTimesUse(String id) throws Exception {
        ZonedDateTime start = LocalDateTime.parse("2026-07-15T10:00").atZone(ZoneId.of(id));

        String ics = invites.invite(event("REQUEST", start));

        Calendar calendar = parse(ics);
        VTimeZone definition = calendar.<VTimeZone>getComponents(Component.VTIMEZONE).get(0);
        assertThat(value(definition, Property.TZID)).isEqualTo(id);
        DtStart<Temporal> dtStart = onlyEvent(calendar).getRequiredProperty(Property.DTSTART);
        assertThat(((ZonedDateTime) dtStart.getDate()).toInstant()).isEqualTo(start.toInstant());
    }

    @Test
    void otherMethodsAreRefused() {
        ZonedDateTime start = LocalDateTime.parse("2026-01-15T10:00").atZone(BERLIN);

        assertThatThrownBy(() -> invites.invite(event("PUBLISH", start))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> invites.invite(event("REQUEST\r\nX", start)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void writingOnANonBlockingThreadDoesNotBlock() {
        // Zones not written before in this test: their definitions must already be in memory.
        Mono<List<String>> written = Mono.delay(Duration.ofMillis(1)).map(tick -> List.of(
                invites.invite(event("REQUEST", LocalDateTime.parse("2026-02-01T09:00").atZone(ZoneId.of("Asia/Tokyo")))),
                invites.invite(event("CANCEL", LocalDateTime.parse("2026-02-01T09:00").atZone(ZoneId.of("America/Chicago"))))));

        // Mono.delay emits on a parallel thread, which BlockHound watches: reading a zone file there would fail this.
        StepVerifier.create(written)
                .assertNext(invitations -> assertThat(invitations).allSatisfy(ics -> assertThat(ics).contains("VTIMEZONE")))
                .verifyComplete();
    }

    @Test
    void zoneUpdatesFromTheNetworkAreOff() throws Exception {
        assertThat(new TimeZoneUpdater().isEnabled()).isFalse();
        try (ServerSocket zoneServer = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            VTimeZone definition = new VTimeZone();
            definition.add(new TzUrl(URI.create("http://127.0.0.1:" + zoneServer.getLocalPort() + "/Europe/Berlin")));

            assertThat(new TimeZoneUpdater().updateDefinition(definition)).isSameAs(definition);

            zoneServer.setSoTimeout(200);
            assertThatThrownBy(zoneServer::accept).as("no one asked the zone server").isInstanceOf(SocketTimeoutException.class);
        }
    }

    private static Calendar parse(String ics) throws IOException, ParserException {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    private static VEvent onlyEvent(Calendar calendar) {
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(1);
        return events.get(0);
    }

    private static String value(Calendar calendar, String property) {
        List<Property> found = calendar.getProperties(property);
        assertThat(found).as(property).hasSize(1);
        return found.get(0).getValue();
    }

    private static String value(Component component, String property) {
        List<Property> found = component.getProperties(property);
        assertThat(found).as(property).hasSize(1);
        return found.get(0).getValue();
    }

    private static List<String> parameters(Property property) {
        return property.getParameters().stream().map(parameter -> parameter.getName() + "=" + parameter.getValue())
                .collect(Collectors.toList());
    }
}
