package dev.concierge.adapter.mail.template;

import dev.concierge.application.port.out.MailContent;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A mail as catalogue keys and values: a subject, a heading, paragraphs, details and buttons in reading order, a
 * footer, and the calendar invitation that goes along, if any. Rendering it gives the HTML and the plain text from the
 * same parts, so the two alternatives always say the same.
 *
 * <p>In the HTML every text is escaped as a whole, catalogue wording and values alike, so the catalogues hold plain
 * text and nothing from a notice can become markup. In the plain text, values keep their characters except control
 * characters (a newline stays); in the subject no control character stays at all.
 *
 * @param calendar the iCalendar object sent along as an invitation, or {@code null}
 */
record Draft(Phrase subject, Phrase heading, List<Block> blocks, Phrase footer, String calendar) {

    private static final String FONT = "-apple-system,BlinkMacSystemFont,'Segoe UI',Roboto,Helvetica,Arial,sans-serif";

    Draft {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(footer, "footer");
        blocks = List.copyOf(blocks);
    }

    /** A mail without a calendar invitation. */
    Draft(Phrase subject, Phrase heading, List<Block> blocks, Phrase footer) {
        this(subject, heading, blocks, footer, null);
    }

    /** A part of the mail's body. */
    sealed interface Block permits Paragraph, Details, Button {

        void appendHtml(StringBuilder html, Catalogue catalogue);

        void appendText(StringBuilder text, Catalogue catalogue);
    }

    /** A paragraph of text. */
    record Paragraph(Phrase text) implements Block {

        @Override
        public void appendHtml(StringBuilder html, Catalogue catalogue) {
            html.append("<p style=\"margin:0 0 16px;\">").append(html(text, catalogue)).append("</p>\n");
        }

        @Override
        public void appendText(StringBuilder text, Catalogue catalogue) {
            text.append(plain(this.text, catalogue)).append("\n\n");
        }
    }

    /**
     * Facts one per line as {@code label: value}, set apart from the text around them: when an appointment is, who
     * booked it. A value may span lines (a visitor's notes); its line breaks stay, as {@code <br>} in the HTML.
     */
    record Details(List<Detail> lines) implements Block {

        Details {
            lines = List.copyOf(lines);
        }

        @Override
        public void appendHtml(StringBuilder html, Catalogue catalogue) {
            html.append("<p style=\"margin:0 0 16px;padding:12px 16px;background-color:#f4f4f5;border-radius:6px;\">");
            for (int i = 0; i < lines.size(); i++) {
                html.append(i == 0 ? "" : "<br>\n")
                        .append(Html.escape(lines.get(i).in(catalogue)).replace("\n", "<br>\n"));
            }
            html.append("</p>\n");
        }

        @Override
        public void appendText(StringBuilder text, Catalogue catalogue) {
            lines.forEach(line -> text.append(line.in(catalogue)).append('\n'));
            text.append('\n');
        }
    }

    /** One line of {@link Details}: a catalogue label and a value as it is. */
    record Detail(Phrase label, String value) {

        Detail {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(value, "value");
        }

        String in(Catalogue catalogue) {
            return PlainText.withoutControls(label.in(catalogue) + ": " + value);
        }
    }

    /**
     * A link shown as a button, with the address written out below it for mail clients that hide or break buttons.
     * Only web links are accepted: a {@code javascript:} or {@code data:} link has no business in a mail.
     */
    record Button(Phrase label, URI link) implements Block {

        Button {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(link, "link");
            String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) {
                throw new IllegalArgumentException("a mail links to http or https addresses only, was " + scheme);
            }
        }

        @Override
        public void appendHtml(StringBuilder html, Catalogue catalogue) {
            String href = Html.escape(link.toASCIIString());
            html.append("<table role=\"presentation\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\" ")
                    .append("style=\"margin:8px 0 16px;\"><tr><td style=\"border-radius:6px;background-color:#2563eb;\">")
                    .append("<a href=\"").append(href).append("\" style=\"display:inline-block;padding:12px 24px;")
                    .append("font-family:").append(FONT).append(";font-size:16px;font-weight:600;color:#ffffff;")
                    .append("text-decoration:none;border-radius:6px;\">").append(html(label, catalogue))
                    .append("</a></td></tr></table>\n")
                    .append("<p style=\"margin:0 0 16px;font-size:13px;color:#52525b;\">")
                    .append(Html.escape(catalogue.text("layout.linkHint"))).append("<br>")
                    .append("<a href=\"").append(href).append("\" style=\"color:#2563eb;word-break:break-all;\">")
                    .append(href).append("</a></p>\n");
        }

        @Override
        public void appendText(StringBuilder text, Catalogue catalogue) {
            text.append(plain(label, catalogue)).append(":\n").append(link.toASCIIString()).append("\n\n");
        }
    }

    MailContent render(Catalogue catalogue) {
        String subjectLine = PlainText.oneLine(subject.in(catalogue));
        return new MailContent(subjectLine, text(catalogue), html(catalogue, subjectLine), calendar);
    }

    private String text(Catalogue catalogue) {
        StringBuilder text = new StringBuilder(plain(heading, catalogue)).append("\n\n");
        blocks.forEach(block -> block.appendText(text, catalogue));
        return text.append("-- \n").append(plain(footer, catalogue)).append('\n').toString();
    }

    private String html(Catalogue catalogue, String subjectLine) {
        StringBuilder html = new StringBuilder(4096)
                .append("<!DOCTYPE html>\n<html lang=\"").append(catalogue.locale().getLanguage()).append("\">\n")
                .append("<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(Html.escape(subjectLine)).append("</title>\n</head>\n")
                .append("<body style=\"margin:0;padding:0;background-color:#f4f4f5;\">\n")
                .append("<table role=\"presentation\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\" ")
                .append("style=\"background-color:#f4f4f5;\"><tr><td align=\"center\" style=\"padding:32px 16px;\">\n")
                .append("<table role=\"presentation\" width=\"100%\" cellspacing=\"0\" cellpadding=\"0\" border=\"0\" ")
                .append("style=\"max-width:560px;background-color:#ffffff;border-radius:8px;\"><tr>")
                .append("<td align=\"left\" style=\"padding:32px;font-family:").append(FONT)
                .append(";font-size:16px;line-height:1.5;color:#18181b;\">\n")
                .append("<h1 style=\"margin:0 0 24px;font-size:22px;line-height:1.3;font-weight:600;\">")
                .append(html(heading, catalogue)).append("</h1>\n");
        blocks.forEach(block -> block.appendHtml(html, catalogue));
        return html.append("</td></tr></table>\n")
                .append("<p style=\"margin:16px 0 0;font-family:").append(FONT)
                .append(";font-size:12px;line-height:1.5;color:#71717a;\">").append(html(footer, catalogue))
                .append("</p>\n</td></tr></table>\n</body>\n</html>\n")
                .toString();
    }

    private static String plain(Phrase phrase, Catalogue catalogue) {
        return PlainText.withoutControls(phrase.in(catalogue));
    }

    private static String html(Phrase phrase, Catalogue catalogue) {
        return Html.escape(plain(phrase, catalogue));
    }
}
