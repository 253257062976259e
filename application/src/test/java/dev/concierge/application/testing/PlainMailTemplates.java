package dev.concierge.application.testing;

import dev.concierge.application.port.out.MailContent;
import dev.concierge.application.port.out.MailTemplates;
import dev.concierge.application.port.out.Notice;

/**
 * Words a notice as its own record text, so that a test can read every fact and link a mail carries without
 * depending on the real templates' wording: the subject is the kind of notice, the text lists its fields.
 */
public final class PlainMailTemplates implements MailTemplates {

    @Override
    public MailContent compose(Notice notice) {
        String text = notice.toString();
        return new MailContent(notice.getClass().getSimpleName(), text,
                "<p>" + text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") + "</p>");
    }
}
