package dev.concierge.application.port.out;

import dev.concierge.domain.tenant.EmailAddress;
import dev.concierge.domain.tenant.Language;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.booking.Visitor;
import java.util.Objects;

/**
 * What the platform tells someone by mail, before it is worded: the facts and links of one kind of message, for
 * {@link MailTemplates} to put into the recipient's language. Values that a user typed (a display name) are given as
 * they are; escaping them is the templates' job.
 */
public sealed interface Notice {

    /** Who receives it. */
    EmailAddress to();

    /** The language it is written in. */
    Language language();

    /** A link to choose a new password, valid for {@code validFor}. */
    record PasswordReset(EmailAddress to, Language language, URI link, Duration validFor) implements Notice {
        public PasswordReset {
            requireAll(to, language, link, validFor);
        }
    }

    /** The password was changed at {@code changedAt}; if that was not the owner, they can reset it at {@code resetPage}. */
    record PasswordChanged(EmailAddress to, Language language, Instant changedAt, ZoneId zone, URI resetPage)
            implements Notice {
        public PasswordChanged {
            requireAll(to, language, changedAt, zone, resetPage);
        }
    }

    /** Someone tried to sign up with the address of an existing account; if that was the owner, they can reset. */
    record SignUpWithTakenAddress(EmailAddress to, Language language, URI resetPage) implements Notice {
        public SignUpWithTakenAddress {
            requireAll(to, language, resetPage);
        }
    }

    /** A link that proves the address belongs to the owner of {@code displayName}, valid for {@code validFor}. */
    record VerifyAddress(EmailAddress to, Language language, String displayName, URI link, Duration validFor)
            implements Notice {
        public VerifyAddress {
            requireAll(to, language, displayName, link, validFor);
        }
    }

    /** The platform admin confirmed the tenant: its assistant answers visitors now. */
    record AssistantActive(EmailAddress to, Language language, String displayName, URI console) implements Notice {
        public AssistantActive {
            requireAll(to, language, displayName, console);
        }
    }

    /**
     * The calendar event a booking mail carries: the same {@code uid} in every mail about one booking, and the
     * booking's {@code sequence}, so that calendars replace the older version; times in the tenant's time zone.
     *
     * @param method {@code REQUEST} to add or update the event, {@code CANCEL} to remove it
     */
    record CalendarEvent(String uid, int sequence, String method, ZonedDateTime start, ZonedDateTime end,
            String summary, EmailAddress organizer, String organizerName, EmailAddress attendee, String attendeeName,
            BookingStatus status) {
        public CalendarEvent {
            requireAll(uid, method, start, end, summary, organizer, organizerName, attendee, attendeeName, status);
        }
    }

    /** To the owner: a visitor asks for an appointment; confirm or cancel from the links. */
    record BookingRequested(EmailAddress to, Language language, String displayName, Visitor visitor,
            URI confirm, URI cancel, CalendarEvent event) implements Notice {
        public BookingRequested {
            requireAll(to, language, displayName, visitor, confirm, cancel, event);
        }
    }

    /** To the visitor: the request arrived and waits for the business; cancel from the link. */
    record BookingReceived(EmailAddress to, Language language, String displayName, URI cancel, CalendarEvent event)
            implements Notice {
        public BookingReceived {
            requireAll(to, language, displayName, cancel, event);
        }
    }

    /** To the visitor: the business confirmed the appointment. */
    record BookingConfirmed(EmailAddress to, Language language, String displayName, URI cancel, CalendarEvent event)
            implements Notice {
        public BookingConfirmed {
            requireAll(to, language, displayName, cancel, event);
        }
    }

    /**
     * To whoever did not cancel (or both): the appointment is cancelled.
     *
     * @param byVisitor whether the visitor cancelled (else the business did)
     */
    record BookingCancelled(EmailAddress to, Language language, String displayName, boolean byVisitor,
            CalendarEvent event) implements Notice {
        public BookingCancelled {
            requireAll(to, language, displayName, event);
        }
    }

    private static void requireAll(Object... values) {
        for (Object value : values) {
            Objects.requireNonNull(value, "every part of a notice is required");
        }
    }
}
