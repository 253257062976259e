package dev.concierge.adapter.mail.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.Notice;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.booking.Visitor;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class LocalizedMailTemplatesTest {

    private static final String SECRET = "tok_9fK2xQ7vLmN4pR8s";
    private static final EmailAddress OWNER = EmailAddress.of("owner@example.com");
    private static final URI LINK = URI.create("https://concierge.example/reset/" + SECRET);
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(1)>";

    private static final EmailAddress VISITOR = EmailAddress.of("eve@example.org");
    private static final URI CONFIRM = URI.create("https://concierge.example/bookings/b-42/confirm?sig=" + SECRET);
    private static final ZonedDateTime SLOT = ZonedDateTime.of(2026, 1, 15, 10, 0, 0, 0, ZoneId.of("Europe/Berlin"));

    private final LocalizedMailTemplates templates = new LocalizedMailTemplates(
            Clock.fixed(Instant.parse("2026-01-10T08:00:00Z"), ZoneOffset.UTC));

    /** One notice of every kind, in the given language, with the given display name where the kind has one. */
    private static List<Notice> everyKind(Language language, String displayName) {
        return List.of(
                new Notice.PasswordReset(OWNER, language, LINK, Duration.ofHours(1)),
                new Notice.PasswordChanged(OWNER, language, Instant.parse("2026-11-27T09:15:00Z"),
                        ZoneId.of("Europe/Berlin"), LINK),
                new Notice.SignUpWithTakenAddress(OWNER, language, LINK),
                new Notice.VerifyAddress(OWNER, language, displayName, LINK, Duration.ofHours(24)),
                new Notice.AssistantActive(OWNER, language, displayName, LINK),
                requested(language, displayName, Visitor.of("Eve Example", VISITOR.value(), "+49 30 1234567",
                        "Bitte klingeln.\nZweiter Stock.")),
                new Notice.BookingReceived(VISITOR, language, displayName, LINK, event("REQUEST", displayName,
                        BookingStatus.REQUESTED)),
                new Notice.BookingConfirmed(VISITOR, language, displayName, LINK, event("REQUEST", displayName,
                        BookingStatus.CONFIRMED)),
                new Notice.BookingCancelled(VISITOR, language, displayName, false, event("CANCEL", displayName,
                        BookingStatus.CANCELLED)));
    }

    private static Notice.BookingRequested requested(Language language, String displayName, Visitor visitor) {
        return new Notice.BookingRequested(OWNER, language, displayName, visitor, CONFIRM, LINK,
                event("REQUEST", displayName, BookingStatus.REQUESTED));
    }

    private static Notice.CalendarEvent event(String method, String displayName, BookingStatus status) {
        return event(method, displayName, status, SLOT);
    }

    private static Notice.CalendarEvent event(String method, String displayName, BookingStatus status,
            ZonedDateTime start) {
        return new Notice.CalendarEvent("b-42@concierge.example", 2, method, start, start.plusMinutes(30),
                "Termin bei " + displayName, OWNER, displayName, VISITOR, "Eve Example", status);
    }

    static Stream<Arguments> everyKindInEveryLanguage() {
        return Arrays.stream(Language.values())
                .flatMap(language -> everyKind(language, "Bäckerei Müller").stream())
                .map(notice -> Arguments.of(notice.getClass().getSimpleName(), notice.language(), notice));
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindInEveryLanguage")
    void everyKindRendersASubjectATextAndAnHtmlPageWithItsLink(String kind, Language language, Notice notice) {
        MailContent mail = templates.compose(notice);

        assertThat(mail.subject()).isNotBlank();
        assertThat(mail.html()).startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"" + notice.language().code() + "\">")
                .contains("<title>" + Html.escape(mail.subject()) + "</title>")
                .endsWith("</html>\n");
        if (!(notice instanceof Notice.BookingCancelled)) {
            assertThat(mail.text()).contains(LINK.toString());
            assertThat(mail.html()).contains("href=\"" + LINK + "\"");
        }
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindInEveryLanguage")
    void subjectHoldsNeitherLinkNorToken(String kind, Language language, Notice notice) {
        String subject = templates.compose(notice).subject();

        assertThat(subject).doesNotContain(SECRET).doesNotContain("http").doesNotContain("concierge.example");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindInEveryLanguage")
    void textSaysWhatTheHtmlSays(String kind, Language language, Notice notice) {
        MailContent mail = templates.compose(notice);

        mail.text().lines()
                .filter(line -> !line.isBlank() && !line.equals("-- "))
                .map(line -> line.endsWith(":") ? line.substring(0, line.length() - 1) : line)
                .forEach(line -> assertThat(mail.html()).contains(Html.escape(line)));
    }

    @Test
    void germanAndEnglishAreWordedDifferently() {
        List<Notice> german = everyKind(Language.DE, "Bäckerei Müller");
        List<Notice> english = everyKind(Language.EN, "Bäckerei Müller");

        for (int i = 0; i < german.size(); i++) {
            MailContent de = templates.compose(german.get(i));
            MailContent en = templates.compose(english.get(i));
            assertThat(de.subject()).isNotEqualTo(en.subject());
            assertThat(de.text()).isNotEqualTo(en.text());
            assertThat(de.html()).isNotEqualTo(en.html());
        }
        assertThat(templates.compose(german.get(0)).text()).contains("Passwort", "Sie");
        assertThat(templates.compose(english.get(0)).text()).contains("password", "you");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void hostileDisplayNamesAreEscapedInTheHtmlAndLiteralInTheText(Language language) {
        for (String name : List.of(SCRIPT, IMG)) {
            for (Notice notice : everyKind(language, name)) {
                MailContent mail = templates.compose(notice);

                assertThat(mail.html()).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img");
                if (!(notice instanceof Notice.PasswordReset || notice instanceof Notice.PasswordChanged
                        || notice instanceof Notice.SignUpWithTakenAddress)) {
                    assertThat(mail.html()).contains(Html.escape(name));
                    assertThat(mail.text()).contains(name);
                }
            }
        }
        assertThat(templates.compose(everyKind(language, SCRIPT).get(4)).html())
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;");
        assertThat(templates.compose(everyKind(language, IMG).get(4)).html())
                .contains("&lt;img src=x onerror=alert(1)&gt;");
    }

    @Test
    void addressesAreEscapedInTheHtml() {
        EmailAddress quirky = EmailAddress.of("o'neil&co@example.com");

        MailContent mail = templates.compose(new Notice.SignUpWithTakenAddress(quirky, Language.EN, LINK));

        assertThat(mail.html()).contains("o&#39;neil&amp;co@example.com").doesNotContain("o'neil&co");
        assertThat(mail.text()).contains("o'neil&co@example.com");
    }

    @Test
    void linksAreEscapedInsideTheHref() throws URISyntaxException {
        // A URI cannot hold a raw double quote: it arrives percent-encoded; & and ' are legal and must be escaped.
        URI link = new URI("https", "concierge.example", "/reset", "token=" + SECRET + "&next='x'\"", null);

        MailContent mail = templates.compose(new Notice.PasswordReset(OWNER, Language.EN, link, Duration.ofHours(1)));

        assertThat(mail.html())
                .contains("href=\"https://concierge.example/reset?token=" + SECRET + "&amp;next=&#39;x&#39;%22\"")
                .doesNotContain("&next=").doesNotContain("'x'");
        assertThat(mail.text()).contains("https://concierge.example/reset?token=" + SECRET + "&next='x'%22");
    }

    @Test
    void onlyWebLinksAreAccepted() {
        Notice notice = new Notice.PasswordReset(OWNER, Language.EN, URI.create("javascript:alert(1)"),
                Duration.ofHours(1));

        assertThatThrownBy(() -> templates.compose(notice)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDisplayNameInTheSubjectIsOneLineAndShortened() {
        String name = "Bäckerei\r\nBcc: victim@example.com\u0007 " + "x".repeat(500);

        MailContent mail = templates.compose(new Notice.AssistantActive(OWNER, Language.EN, name, LINK));

        assertThat(mail.subject()).doesNotContain("\r").doesNotContain("\n").doesNotContain("\u0007")
                .contains("BäckereiBcc: victim@example.com").contains("…");
        assertThat(mail.subject().length())
                .isLessThanOrEqualTo(LocalizedMailTemplates.MAX_NAME_IN_SUBJECT + "Your assistant for  is live".length());
    }

    @Test
    void controlCharactersLeaveTheBodiesButLineBreaksStay() {
        String name = "Bäckerei\u0007\u001b[31m Müller\nGmbH\r";

        MailContent mail = templates.compose(new Notice.AssistantActive(OWNER, Language.DE, name, LINK));

        assertThat(mail.text()).contains("Bäckerei[31m Müller\nGmbH").doesNotContain("\u0007", "\u001b", "\r");
        assertThat(mail.html()).contains("Bäckerei[31m Müller\nGmbH").doesNotContain("\u0007", "\u001b", "\r");
    }

    @Test
    void passwordChangeTimeIsShownInTheNoticesZoneAndLanguage() {
        Instant changedAt = Instant.parse("2026-11-27T09:15:00Z");
        BiFunction<Language, String, String> text = (language, zone) -> templates.compose(
                new Notice.PasswordChanged(OWNER, language, changedAt, ZoneId.of(zone), LINK)).text();

        assertThat(text.apply(Language.DE, "Europe/Berlin")).contains("27. November 2026, 10:15 (Europe/Berlin)");
        assertThat(text.apply(Language.EN, "Europe/Berlin")).contains("27 November 2026, 10:15 (Europe/Berlin)");
        assertThat(text.apply(Language.EN, "America/New_York")).contains("27 November 2026, 04:15 (America/New_York)");
        assertThat(text.apply(Language.DE, "Europe/Berlin").replace("27. November 2026", ""))
                .doesNotContain("November");
    }

    @Test
    void resetAndVerifyMailsSayHowLongTheLinkIsValid() {
        BiFunction<Language, Duration, String> reset = (language, validFor) -> templates.compose(
                new Notice.PasswordReset(OWNER, language, LINK, validFor)).text();
        BiFunction<Language, Duration, String> verify = (language, validFor) -> templates.compose(
                new Notice.VerifyAddress(OWNER, language, "Bäckerei", LINK, validFor)).text();

        assertThat(reset.apply(Language.EN, Duration.ofHours(1))).contains("valid for 1 hour.");
        assertThat(reset.apply(Language.DE, Duration.ofHours(1))).contains("1 Stunde lang gültig");
        assertThat(verify.apply(Language.EN, Duration.ofHours(24))).contains("valid for 24 hours.");
        assertThat(verify.apply(Language.DE, Duration.ofHours(24))).contains("24 Stunden lang gültig");
        assertThat(reset.apply(Language.EN, Duration.ofMinutes(90))).contains("valid for 90 minutes.");
        assertThat(reset.apply(Language.DE, Duration.ofSeconds(119))).contains("1 Minute lang gültig");
    }

    @Test
    void mailsAboutATenantNameItInTheFooter() {
        MailContent verify = templates.compose(everyKind(Language.DE, "Bäckerei Müller").get(3));
        MailContent reset = templates.compose(everyKind(Language.EN, "Bäckerei Müller").get(0));

        assertThat(verify.text()).endsWith("-- \nDiese E-Mail wurde von Concierge für Bäckerei Müller versendet.\n");
        assertThat(reset.text()).endsWith("-- \nThis e-mail was sent by Concierge.\n");
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("everyKindInEveryLanguage")
    void bookingMailsCarryTheirCalendarEventAndOthersNone(String kind, Language language, Notice notice)
            throws Exception {
        MailContent mail = templates.compose(notice);

        if (!kind.startsWith("Booking")) {
            assertThat(mail.calendar()).isNull();
            return;
        }
        String method = notice instanceof Notice.BookingCancelled ? "CANCEL" : "REQUEST";
        assertThat(mail.calendarMethod()).contains(method);
        Calendar calendar = new CalendarBuilder().build(new StringReader(mail.calendar()));
        VEvent event = calendar.<VEvent>getComponents(Component.VEVENT).get(0);
        assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("b-42@concierge.example");
        assertThat(event.<Property>getRequiredProperty(Property.SEQUENCE).getValue()).isEqualTo("2");
        assertThat(event.<Property>getRequiredProperty(Property.DTSTAMP).getValue()).isEqualTo("20260110T080000Z");
        assertThat(mail.calendar()).contains("\r\nDTSTART;TZID=Europe/Berlin:20260115T100000\r\n");
    }

    @Test
    void theAppointmentIsShownInTheTenantsZoneAndTheMailsLanguage() {
        ZonedDateTime summer = ZonedDateTime.of(2026, 7, 2, 9, 30, 0, 0, ZoneId.of("America/New_York"));
        BiFunction<Language, ZonedDateTime, MailContent> confirmed = (language, start) -> templates.compose(
                new Notice.BookingConfirmed(VISITOR, language, "Bäckerei Müller", LINK,
                        event("REQUEST", "Bäckerei Müller", BookingStatus.CONFIRMED, start)));

        assertThat(confirmed.apply(Language.DE, SLOT).text())
                .contains("Termin: Donnerstag, 15. Januar 2026, 10:00–10:30 Uhr (Europe/Berlin)");
        assertThat(confirmed.apply(Language.EN, SLOT).text())
                .contains("When: Thursday, 15 January 2026, 10:00–10:30 (Europe/Berlin)");
        assertThat(confirmed.apply(Language.EN, summer).text())
                .contains("When: Thursday, 2 July 2026, 09:30–10:00 (America/New_York)");
        assertThat(confirmed.apply(Language.DE, summer).html())
                .contains("Termin: Donnerstag, 2. Juli 2026, 09:30–10:00 Uhr (America/New_York)");
    }

    @Test
    void subjectsNameTheBusinessAndTheLocalStartButNothingTheVisitorTyped() {
        Visitor visitor = Visitor.of("Eve Secretname", VISITOR.value(), "+49 30 1234567", "Geheime Notiz");

        assertThat(templates.compose(requested(Language.DE, "Bäckerei Müller", visitor)).subject())
                .isEqualTo("Neue Terminanfrage für Donnerstag, 15. Januar 2026, 10:00 Uhr");
        assertThat(templates.compose(requested(Language.EN, "Bäckerei Müller", visitor)).subject())
                .isEqualTo("New appointment request for Thursday, 15 January 2026, 10:00")
                .doesNotContain("Eve", "1234567", "Geheime", "http");
        assertThat(templates.compose(everyKind(Language.EN, "Bäckerei\r\nMüller").get(7)).subject())
                .isEqualTo("Your appointment at BäckereiMüller is confirmed: Thursday, 15 January 2026, 10:00");
        assertThat(templates.compose(everyKind(Language.DE, "Bäckerei Müller").get(8)).subject())
                .isEqualTo("Termin abgesagt: Donnerstag, 15. Januar 2026, 10:00 Uhr (Bäckerei Müller)");
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void theOwnerSeesTheVisitorsDetailsEscapedWithTheLineBreaksOfTheNotes(Language language) {
        Visitor visitor = Visitor.of(SCRIPT, "o'neil&co@example.com", "+49 (30) 123-4567",
                "Erste Zeile <b>fett</b>\r\nZweite & letzte " + IMG + SCRIPT);

        MailContent mail = templates.compose(requested(language, "Bäckerei Müller", visitor));

        assertThat(mail.html()).doesNotContainIgnoringCase("<script").doesNotContainIgnoringCase("<img")
                .doesNotContain("<b>")
                .contains(": &lt;script&gt;alert(1)&lt;/script&gt;<br>\n")
                .contains(": o&#39;neil&amp;co@example.com<br>\n")
                .contains(": +49 (30) 123-4567<br>\n")
                .contains(": Erste Zeile &lt;b&gt;fett&lt;/b&gt;<br>\nZweite &amp; letzte &lt;img src=x onerror=alert(1)&gt;"
                        + "&lt;script&gt;alert(1)&lt;/script&gt;</p>");
        assertThat(mail.text()).contains(": " + SCRIPT + "\n", ": o'neil&co@example.com\n",
                ": Erste Zeile <b>fett</b>\nZweite & letzte " + IMG + SCRIPT + "\n");
    }

    @Test
    void theOwnerCanConfirmOrCancelAndIsToldThatOpeningALinkChangesNothing() {
        MailContent en = templates.compose(everyKind(Language.EN, "Bäckerei Müller").get(5));
        MailContent de = templates.compose(everyKind(Language.DE, "Bäckerei Müller").get(5));

        assertThat(en.text()).contains("Confirm appointment:\n" + CONFIRM + "\n", "Cancel appointment:\n" + LINK + "\n",
                "only a click on the button there confirms or cancels", "mail scanner that opens links changes nothing",
                "Phone: +49 30 1234567\n", "Notes: Bitte klingeln.\nZweiter Stock.\n");
        assertThat(en.html()).contains("href=\"" + Html.escape(CONFIRM.toString()) + "\"", "href=\"" + LINK + "\"");
        assertThat(de.text()).contains("Termin bestätigen:\n" + CONFIRM, "Termin absagen:\n" + LINK,
                "erst ein Klick auf die Schaltfläche dort bestätigt oder sagt ab", "Telefon: +49 30 1234567",
                "Anmerkungen: Bitte klingeln.");
    }

    @Test
    void withoutPhoneOrNotesTheOwnerSeesNoEmptyLines() {
        MailContent mail = templates.compose(requested(Language.EN, "Bäckerei Müller",
                Visitor.of("Eve Example", VISITOR.value(), null, null)));

        assertThat(mail.text()).contains("Name: Eve Example\nE-mail: eve@example.org\n\n")
                .doesNotContain("Phone", "Notes");
    }

    @Test
    void theVisitorLearnsTheRequestWaitsForTheBusinessAndCanWithdrawIt() {
        MailContent en = templates.compose(everyKind(Language.EN, "Bäckerei Müller").get(6));
        MailContent de = templates.compose(everyKind(Language.DE, "Bäckerei Müller").get(6));

        assertThat(en.text()).contains("not confirmed yet", "as soon as Bäckerei Müller confirms it",
                "Withdraw request:\n" + LINK, "only withdrawn when you click");
        assertThat(de.text()).contains("noch nicht bestätigt", "sobald Bäckerei Müller ihn bestätigt",
                "Anfrage zurückziehen:\n" + LINK, "Sie");
        assertThat(en.calendar()).contains("STATUS:TENTATIVE");
        MailContent confirmed = templates.compose(everyKind(Language.EN, "Bäckerei Müller").get(7));
        assertThat(confirmed.text()).contains("has confirmed your appointment", "Cancel appointment:\n" + LINK);
        assertThat(confirmed.calendar()).contains("STATUS:CONFIRMED");
    }

    @ParameterizedTest(name = "to the visitor: {0}, cancelled by the visitor: {1}")
    @CsvSource({"true, true, 'As you asked, your appointment with Bäckerei Müller is cancelled:', book one on the website",
            "true, false, 'Bäckerei Müller has cancelled your appointment:', book one on the website",
            "false, true, '" + SCRIPT + " has cancelled this appointment:', free for other bookings",
            "false, false, 'You have cancelled this appointment with " + SCRIPT + ":', free for other bookings"})
    void aCancellationIsWordedForItsRecipientAndWhoCancelled(boolean toVisitor, boolean byVisitor, String intro,
            String next) {
        Notice.CalendarEvent event = new Notice.CalendarEvent("b-42@concierge.example", 3, "CANCEL", SLOT,
                SLOT.plusMinutes(30), "Termin", OWNER, "Bäckerei Müller", VISITOR, SCRIPT, BookingStatus.CANCELLED);

        MailContent mail = templates.compose(new Notice.BookingCancelled(toVisitor ? VISITOR : OWNER, Language.EN,
                "Bäckerei Müller", byVisitor, event));

        assertThat(mail.text()).contains(intro, next, "When: Thursday, 15 January 2026, 10:00–10:30 (Europe/Berlin)");
        assertThat(mail.html()).contains(Html.escape(intro)).doesNotContain("<script");
        assertThat(mail.calendarMethod()).contains("CANCEL");
        assertThat(mail.calendar()).contains("STATUS:CANCELLED");
    }

    @Test
    void composingOnANonBlockingThreadDoesNotBlock() {
        LocalizedMailTemplates fresh = new LocalizedMailTemplates();
        ZonedDateTime tokyo = ZonedDateTime.of(2026, 3, 1, 9, 0, 0, 0, ZoneId.of("Asia/Tokyo"));
        List<Notice> notices = List.of(
                requested(Language.DE, "Bäckerei", Visitor.of("Eve", VISITOR.value(), null, "Hallo")),
                new Notice.BookingCancelled(VISITOR, Language.EN, "Bäckerei", true,
                        event("CANCEL", "Bäckerei", BookingStatus.CANCELLED, tokyo)));

        // Mono.delay emits on a parallel thread, which BlockHound watches: reading a file there would fail this.
        StepVerifier.create(Mono.delay(Duration.ofMillis(1))
                        .map(tick -> notices.stream().map(fresh::compose).collect(Collectors.toList())))
                .assertNext(mails -> assertThat(mails).allSatisfy(mail -> assertThat(mail.calendar()).isNotNull()))
                .verifyComplete();
    }

    @Test
    void everyLanguageHasTheSameTexts() throws IOException {
        Properties english = catalogue(Language.EN);

        for (Language language : Language.values()) {
            assertThat(catalogue(language).stringPropertyNames()).as(language.code())
                    .isEqualTo(english.stringPropertyNames());
        }
    }

    private static Properties catalogue(Language language) throws IOException {
        try (InputStream in = Catalogue.class.getResourceAsStream("messages_" + language.code() + ".properties")) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }
}
