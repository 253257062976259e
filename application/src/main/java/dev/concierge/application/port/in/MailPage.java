package dev.concierge.application.port.in;

import dev.concierge.application.port.out.OutboxEntry;
import java.util.List;

/** One page of queued mails, with the total to page through. */
public record MailPage(List<OutboxEntry> mails, int page, int size, long total) {

    public MailPage {
        mails = List.copyOf(mails);
    }
}
