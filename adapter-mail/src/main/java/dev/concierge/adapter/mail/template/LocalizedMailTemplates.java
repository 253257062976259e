package dev.concierge.adapter.mail.template;

import dev.concierge.adapter.mail.calendar.CalendarInvites;
import dev.concierge.adapter.mail.template.Draft.Button;
import dev.concierge.adapter.mail.template.Draft.Detail;
import dev.concierge.adapter.mail.template.Draft.Details;
import dev.concierge.adapter.mail.template.Draft.Paragraph;
import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.MailTemplates;
import dev.concierge.application.port.out.Notice;
import dev.concierge.domain.booking.Visitor;
import dev.concierge.domain.tenant.Language;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@link MailTemplates} port in German and English. This class decides what each notice says and in which order;
 * the wording lives in the message catalogues beside it, the layout in {@link Draft}, the calendar invitation that
 * booking mails carry in {@link CalendarInvites}. The catalogues and the time zone definitions are read once, when it
 * is made, so composing a mail does no I/O.
 *
 * <p>Subjects carry no link and no token, only fixed wording, at most a display name, cut to
 * {@value #MAX_NAME_IN_SUBJECT} characters and freed of control characters, and an appointment's local date and time:
 * a subject shows up in notifications and logs, and one line is all a header may hold. What a visitor typed (name,
 * phone, notes) never goes into a subject.
 *
 * <p>Appointments are shown in the tenant's time zone, named, in the mail's language. The links in booking mails lead
 * to a page that says what will happen; only a click there confirms or cancels, so the mails say so, and a scanner
 * that follows links changes nothing.
 */
public final class LocalizedMailTemplates implements MailTemplates {

    /** The most characters of a display name a subject shows. */
    static final int MAX_NAME_IN_SUBJECT = 60;

    private final Map<Language, Catalogue> catalogues = new EnumMap<>(Language.class);
    private final CalendarInvites invites;

    /** Like {@link #LocalizedMailTemplates(Clock)} with the system clock. */
    public LocalizedMailTemplates() {
        this(Clock.systemUTC());
    }

    /**
     * Reads the catalogue of every {@link Language}, failing if one is missing, and the time zone definitions for
     * calendar invitations (blocking, about a second the first time in a JVM).
     *
     * @param clock stamps the calendar invitations with the moment they were written
     */
    public LocalizedMailTemplates(Clock clock) {
        for (Language language : Language.values()) {
            catalogues.put(language, Catalogue.load(language));
        }
        this.invites = new CalendarInvites(clock);
    }

    @Override
    public MailContent compose(Notice notice) {
        Objects.requireNonNull(notice, "notice");
        Catalogue catalogue = catalogues.get(notice.language());
        return draft(notice, catalogue).render(catalogue);
    }

    private Draft draft(Notice notice, Catalogue catalogue) {
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
        if (notice instanceof Notice.BookingRequested requested) {
            return bookingRequested(requested, catalogue);
        }
        if (notice instanceof Notice.BookingReceived received) {
            return bookingReceived(received, catalogue);
        }
        if (notice instanceof Notice.BookingConfirmed confirmed) {
            return bookingConfirmed(confirmed, catalogue);
        }
        if (notice instanceof Notice.BookingCancelled cancelled) {
            return bookingCancelled(cancelled, catalogue);
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

    private Draft bookingRequested(Notice.BookingRequested notice, Catalogue catalogue) {
        Visitor visitor = notice.visitor();
        List<Detail> details = new ArrayList<>(List.of(
                when(notice.event(), catalogue),
                new Detail(new Phrase("booking.label.name"), visitor.name()),
                new Detail(new Phrase("booking.label.email"), visitor.email().value())));
        if (visitor.phone() != null) {
            details.add(new Detail(new Phrase("booking.label.phone"), visitor.phone()));
        }
        if (visitor.notes() != null) {
            details.add(new Detail(new Phrase("booking.label.notes"), visitor.notes()));
        }
        return new Draft(new Phrase("requested.subject", startOf(notice.event(), catalogue)),
                new Phrase("requested.heading"), List.of(
                paragraph("requested.intro", "name", notice.displayName()),
                new Details(details),
                paragraph("requested.links"),
                button("requested.confirm", notice.confirm()),
                button("requested.cancel", notice.cancel()),
                paragraph("requested.calendar")),
                new Phrase("footer.business", "name", notice.displayName()), invites.invite(notice.event()));
    }

    private Draft bookingReceived(Notice.BookingReceived notice, Catalogue catalogue) {
        return new Draft(subject("received.subject", notice.displayName(), notice.event(), catalogue),
                new Phrase("received.heading"), List.of(
                paragraph("received.intro", "name", notice.displayName()),
                new Details(List.of(when(notice.event(), catalogue))),
                paragraph("received.waiting", "name", notice.displayName()),
                paragraph("received.cancelHint"),
                button("received.cancel", notice.cancel())),
                new Phrase("footer.business", "name", notice.displayName()), invites.invite(notice.event()));
    }

    private Draft bookingConfirmed(Notice.BookingConfirmed notice, Catalogue catalogue) {
        return new Draft(subject("confirmed.subject", notice.displayName(), notice.event(), catalogue),
                new Phrase("confirmed.heading"), List.of(
                paragraph("confirmed.intro", "name", notice.displayName()),
                new Details(List.of(when(notice.event(), catalogue))),
                paragraph("confirmed.calendar"),
                paragraph("confirmed.cancelHint"),
                button("confirmed.cancel", notice.cancel())),
                new Phrase("footer.business", "name", notice.displayName()), invites.invite(notice.event()));
    }

    /**
     * Worded for whoever receives it: the visitor (the event's attendee) or the owner, and for who cancelled. The one
     * who cancelled reads a confirmation, the other one the news.
     */
    private Draft bookingCancelled(Notice.BookingCancelled notice, Catalogue catalogue) {
        Notice.CalendarEvent event = notice.event();
        boolean toVisitor = notice.to().equals(event.attendee());
        String intro = toVisitor ? (notice.byVisitor() ? "cancelled.byYou" : "cancelled.byBusiness")
                : (notice.byVisitor() ? "cancelled.byVisitor" : "cancelled.byOwner");
        return new Draft(subject("cancelled.subject", notice.displayName(), event, catalogue),
                new Phrase("cancelled.heading"), List.of(
                new Paragraph(new Phrase(intro, Map.of("name", notice.displayName(), "visitor", event.attendeeName()))),
                new Details(List.of(when(event, catalogue))),
                toVisitor ? paragraph("cancelled.rebook", "name", notice.displayName())
                        : paragraph("cancelled.slotFree"),
                paragraph("cancelled.calendar")),
                new Phrase("footer.business", "name", notice.displayName()), invites.invite(event));
    }

    /** A booking mail's subject: the business's name and when the appointment starts. */
    private static Phrase subject(String key, String displayName, Notice.CalendarEvent event, Catalogue catalogue) {
        Map<String, String> values = new HashMap<>(startOf(event, catalogue));
        values.put("name", nameForSubject(displayName));
        return new Phrase(key, values);
    }

    /** The day and time an appointment starts, in the tenant's zone and the mail's language. */
    private static Map<String, String> startOf(Notice.CalendarEvent event, Catalogue catalogue) {
        return Map.of("day", format("format.day", event.start(), catalogue),
                "start", format("format.time", event.start(), catalogue));
    }

    /** When the appointment is: its day, start and end time, and the name of its zone. */
    private static Detail when(Notice.CalendarEvent event, Catalogue catalogue) {
        ZonedDateTime start = event.start();
        ZonedDateTime end = event.end().withZoneSameInstant(start.getZone());
        String endText = end.toLocalDate().equals(start.toLocalDate()) ? format("format.time", end, catalogue)
                : format("format.day", end, catalogue) + ", " + format("format.time", end, catalogue);
        return new Detail(new Phrase("booking.label.when"), catalogue.fill("booking.when", Map.of(
                "day", format("format.day", start, catalogue), "start", format("format.time", start, catalogue),
                "end", endText, "zone", start.getZone().getId())));
    }

    private static String format(String patternKey, ZonedDateTime time, Catalogue catalogue) {
        return DateTimeFormatter.ofPattern(catalogue.text(patternKey), catalogue.locale()).format(time);
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
