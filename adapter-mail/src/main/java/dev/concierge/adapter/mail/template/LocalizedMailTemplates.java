package dev.concierge.adapter.mail.template;

import dev.concierge.adapter.mail.template.Draft.Button;
import dev.concierge.adapter.mail.template.Draft.Paragraph;
import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.MailTemplates;
import dev.concierge.application.port.out.Notice;
import dev.concierge.domain.tenant.Language;
import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link MailTemplates} port in German and English. This class decides what each notice says and in which order;
 * the wording lives in the message catalogues beside it, the layout in {@link Draft}. The catalogues are read once,
 * when it is made, so composing a mail does no I/O.
 *
 * <p>Subjects carry no link and no token, only fixed wording and at most a display name, cut to
 * {@value #MAX_NAME_IN_SUBJECT} characters and freed of control characters: a subject shows up in notifications and
 * logs, and one line is all a header may hold.
 */
public final class LocalizedMailTemplates implements MailTemplates {

    /** The most characters of a display name a subject shows. */
    static final int MAX_NAME_IN_SUBJECT = 60;

    private final Map<Language, Catalogue> catalogues = new EnumMap<>(Language.class);

    /** Reads the catalogue of every {@link Language}; fails if one is missing. */
    public LocalizedMailTemplates() {
        for (Language language : Language.values()) {
            catalogues.put(language, Catalogue.load(language));
        }
    }

    @Override
    public MailContent compose(Notice notice) {
        Objects.requireNonNull(notice, "notice");
        Catalogue catalogue = catalogues.get(notice.language());
        return draft(notice, catalogue).render(catalogue);
    }

    private static Draft draft(Notice notice, Catalogue catalogue) {
        if (notice instanceof Notice.PasswordReset reset) {
            return passwordReset(reset, catalogue);
        }
        if (notice instanceof Notice.PasswordChanged changed) {
            return passwordChanged(changed, catalogue);
        }
        if (notice instanceof Notice.SignUpWithTakenAddress taken) {
            return signUpWithTakenAddress(taken);
        }
        if (notice instanceof Notice.VerifyAddress verify) {
            return verifyAddress(verify, catalogue);
        }
        if (notice instanceof Notice.AssistantActive active) {
            return assistantActive(active);
        }
        throw new IllegalArgumentException("no mail template for " + notice.getClass().getSimpleName());
    }

    private static Draft passwordReset(Notice.PasswordReset notice, Catalogue catalogue) {
        return new Draft(new Phrase("reset.subject"), new Phrase("reset.heading"), List.of(
                paragraph("reset.intro", "email", notice.to().value()),
                button("reset.button", notice.link()),
                paragraph("reset.validity", "validity", validity(notice.validFor(), catalogue)),
                paragraph("reset.ignore")),
                new Phrase("footer.platform"));
    }

    private static Draft passwordChanged(Notice.PasswordChanged notice, Catalogue catalogue) {
        String time = DateTimeFormatter.ofPattern(catalogue.text("format.dateTime"), catalogue.locale())
                .format(notice.changedAt().atZone(notice.zone()));
        return new Draft(new Phrase("changed.subject"), new Phrase("changed.heading"), List.of(
                new Paragraph(new Phrase("changed.intro", Map.of("email", notice.to().value(), "time", time))),
                paragraph("changed.wasYou"),
                paragraph("changed.notYou"),
                button("changed.button", notice.resetPage())),
                new Phrase("footer.platform"));
    }

    private static Draft signUpWithTakenAddress(Notice.SignUpWithTakenAddress notice) {
        return new Draft(new Phrase("taken.subject"), new Phrase("taken.heading"), List.of(
                paragraph("taken.intro", "email", notice.to().value()),
                paragraph("taken.forgot"),
                button("taken.button", notice.resetPage()),
                paragraph("taken.ignore")),
                new Phrase("footer.platform"));
    }

    private static Draft verifyAddress(Notice.VerifyAddress notice, Catalogue catalogue) {
        return new Draft(new Phrase("verify.subject", "name", nameForSubject(notice.displayName())),
                new Phrase("verify.heading"), List.of(
                new Paragraph(new Phrase("verify.intro",
                        Map.of("email", notice.to().value(), "name", notice.displayName()))),
                button("verify.button", notice.link()),
                paragraph("verify.validity", "validity", validity(notice.validFor(), catalogue)),
                paragraph("verify.ignore")),
                new Phrase("footer.business", "name", notice.displayName()));
    }

    private static Draft assistantActive(Notice.AssistantActive notice) {
        return new Draft(new Phrase("active.subject", "name", nameForSubject(notice.displayName())),
                new Phrase("active.heading"), List.of(
                paragraph("active.intro", "name", notice.displayName()),
                paragraph("active.console"),
                button("active.button", notice.console())),
                new Phrase("footer.business", "name", notice.displayName()));
    }

    private static Paragraph paragraph(String key) {
        return new Paragraph(new Phrase(key));
    }

    private static Paragraph paragraph(String key, String name, String value) {
        return new Paragraph(new Phrase(key, name, value));
    }

    private static Button button(String key, URI link) {
        return new Button(new Phrase(key), link);
    }

    private static String nameForSubject(String displayName) {
        return PlainText.shortened(PlainText.oneLine(displayName), MAX_NAME_IN_SUBJECT);
    }

    /**
     * Whole hours as hours ("24 hours"), anything else as minutes, rounded down: a link never expires before the time
     * the mail promises.
     */
    private static String validity(Duration validFor, Catalogue catalogue) {
        long minutes = Math.max(1, validFor.toMinutes());
        return minutes % 60 == 0 ? count("duration.hours", minutes / 60, catalogue)
                : count("duration.minutes", minutes, catalogue);
    }

    private static String count(String key, long count, Catalogue catalogue) {
        return catalogue.fill(key + (count == 1 ? ".one" : ".other"), Map.of("count", Long.toString(count)));
    }
}
