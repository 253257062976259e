package dev.concierge.application.port.in;

import dev.concierge.application.port.out.MailStatus;
import dev.concierge.domain.shared.DomainException;

/** Only a mail that was given up can be sent again; a pending one is on its way, a sent one arrived. */
public final class MailNotFailedException extends DomainException {

    private static final long serialVersionUID = 1L;

    public MailNotFailedException(MailStatus status) {
        super(Kind.CONFLICT, "the mail is " + status + ", only a FAILED mail can be sent again");
    }
}
