package dev.concierge.adapter.mail.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.Notice;
import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class LocalizedMailTemplatesTest {

    private static final String SECRET = "tok_9fK2xQ7vLmN4pR8s";
    private static final EmailAddress OWNER = EmailAddress.of("owner@example.com");
    private static final URI LINK = URI.create("https://concierge.example/reset/" + SECRET);
    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String IMG = "<img src=x onerror=alert(1)>";

    private final LocalizedMailTemplates templates = new LocalizedMailTemplates();

    /** One notice of every kind, in the given language, with the given display name where the kind has one. */
    private static List<Notice> everyKind(Language language, String displayName) {
        return List.of(
                new Notice.PasswordReset(OWNER, language, LINK, Duration.ofHours(1)),
                new Notice.PasswordChanged(OWNER, language, Instant.parse("2026-11-27T09:15:00Z"),
                        ZoneId.of("Europe/Berlin"), LINK),
                new Notice.SignUpWithTakenAddress(OWNER, language, LINK),
                new Notice.VerifyAddress(OWNER, language, displayName, LINK, Duration.ofHours(24)),
                new Notice.AssistantActive(OWNER, language, displayName, LINK));
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
        assertThat(mail.text()).isNotBlank().contains(LINK.toString());
        assertThat(mail.html()).startsWith("<!DOCTYPE html>")
                .contains("<html lang=\"" + notice.language().code() + "\">")
                .contains("<title>" + Html.escape(mail.subject()) + "</title>")
                .contains("href=\"" + LINK + "\"")
                .endsWith("</html>\n");
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
                if (notice instanceof Notice.VerifyAddress || notice instanceof Notice.AssistantActive) {
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
