package dev.concierge.application.testing;

import dev.concierge.application.port.out.ClaimedMail;
import dev.concierge.application.port.out.OutgoingMail;
import dev.concierge.application.service.ConsoleLinks;
import dev.concierge.application.service.Mailer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mail for service tests: an in-memory outbox, a {@link Mailer} that queues into it with {@link PlainMailTemplates},
 * links under {@link #PUBLIC_URL}, and ways to take what was queued and read the links out of it.
 */
public final class TestMail {

    public static final URI PUBLIC_URL = URI.create("https://concierge.example");

    private static final Pattern LINK = Pattern.compile("https://concierge\\.example/console/[A-Za-z0-9/_-]*");

    public final InMemoryMailOutbox outbox = new InMemoryMailOutbox();
    public final ConsoleLinks links = new ConsoleLinks(() -> PUBLIC_URL);
    public final Mailer mailer;

    public TestMail(Clock clock) {
        this.mailer = new Mailer(outbox, new PlainMailTemplates(), links, clock);
    }

    /** Takes every queued mail (as if sent), oldest first; each is returned once. */
    public List<OutgoingMail> take() {
        List<OutgoingMail> mails = outbox.claimDue(Instant.parse("9999-01-01T00:00:00Z"), Duration.ofSeconds(1), 100)
                .map(ClaimedMail::mail).collectList().block();
        mails.forEach(mail -> outbox.markSent(mail.id(), Instant.EPOCH).block());
        return mails;
    }

    /** The one console link in a mail's text. */
    public static String link(OutgoingMail mail) {
        Matcher matcher = LINK.matcher(mail.content().text());
        if (!matcher.find()) {
            throw new AssertionError("no console link in " + mail.content().text());
        }
        return matcher.group();
    }

    /** The token at the end of the one console link in a mail. */
    public static String token(OutgoingMail mail) {
        String link = link(mail);
        return link.substring(link.lastIndexOf('/') + 1);
    }
}
