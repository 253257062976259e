package dev.concierge.adapter.mail.calendar;

import dev.concierge.application.port.out.Notice;
import dev.concierge.domain.booking.BookingStatus;
import dev.concierge.domain.tenant.EmailAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.TimeZoneUpdater;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * Writes the {@linkplain Notice.CalendarEvent calendar event} of a booking mail as an iCalendar object, so that mail
 * clients show the booking as an invitation and keep the recipient's calendar in step: every mail about one booking
 * carries the same {@code UID} and the booking's {@code SEQUENCE}, so a confirmation replaces the tentative entry and
 * a {@code METHOD:CANCEL} removes it.
 *
 * <p>Times are written in the tenant's zone ({@code DTSTART;TZID=Europe/Berlin:20260115T100000}) with that zone's
 * {@code VTIMEZONE} from ical4j's registry, so the entry stays at 10:00 local time whatever the recipient's calendar
 * does with daylight saving; the local time itself is java.time's (see {@link #wallClock}). A zone with a fixed offset
 * ({@code UTC}), or one ical4j has no definition for, is written in UTC instead: the same instant, with no zone to
 * define.
 *
 * <p>Names come from the public booking form. ical4j escapes text values and quotes parameter values; on top of that
 * a name loses its control characters, double quotes, carets and backslashes before it becomes a {@code CN} parameter
 * (see {@link PlainValues}), so no name can end a line, a parameter or a quoted string. Lines are folded at 75 octets of UTF-8 (RFC 5545, 3.1), never
 * inside a character.
 *
 * <p>Composing must not block: mails are composed on the request's thread. ical4j reads each zone's definition from
 * its jar the first time it is asked for, so the constructor asks for every region's once (about a second and some
 * 15 MB of heap, once per JVM: ical4j keeps them too) and keeps them, and writes two invitations to load the classes
 * that writing needs. After that, {@link #invite}
 * only computes. ical4j can also fetch newer zone definitions from the network; {@code ical4j.properties} on the class
 * path turns that off, and the constructor refuses to run if something turned it back on.
 */
public final class CalendarInvites {

    /** The {@code PRODID} of every invitation. */
    public static final String PRODUCT_ID = "-//Concierge//Appointments//EN";

    /** The most characters of a name that a {@code CN} parameter keeps. */
    static final int MAX_NAME_LENGTH = 100;

    /** The longest line, in octets without its line break, before it is folded (RFC 5545, 3.1). */
    static final int MAX_LINE_OCTETS = 75;

    private static final String LINE_BREAK = "\r\n";
    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss", Locale.ROOT);

    private final Clock clock;
    private final Map<String, VTimeZone> zones;

    /**
     * Loads the definition of every region's time zone (blocking, about a second the first time in a JVM).
     *
     * @param clock gives the {@code DTSTAMP}: the moment an invitation was written
     * @throws IllegalStateException if ical4j is configured to fetch time zone updates from the network
     */
    public CalendarInvites(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
        if (new TimeZoneUpdater().isEnabled()) {
            throw new IllegalStateException("ical4j would fetch time zone updates from the network while composing"
                    + " mails: set net.fortuna.ical4j.timezone.update.enabled=false in ical4j.properties");
        }
        this.zones = loadZones();
        warmUp();
    }

    /**
     * The event as an iCalendar object with its {@code METHOD}, lines ending in CRLF.
     *
     * @throws IllegalArgumentException if the method is neither {@code REQUEST} nor {@code CANCEL}
     */
    public String invite(Notice.CalendarEvent event) {
        Objects.requireNonNull(event, "event");
        Method method = method(event.method());
        ZoneId zone = event.start().getZone();
        VTimeZone definition = zones.get(zone.getId());

        VEvent vEvent = new VEvent(false);
        vEvent.add(new Uid(PlainValues.oneLine(event.uid())));
        vEvent.add(new Sequence(event.sequence()));
        vEvent.add(new DtStamp(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        vEvent.add(start(event.start(), definition != null));
        vEvent.add(end(event.end().withZoneSameInstant(zone), definition != null));
        vEvent.add(new Summary(PlainValues.oneLine(event.summary())));
        vEvent.add(new Organizer(names(event.organizerName()), mailto(event.organizer())));
        vEvent.add(new Attendee(attendee(event.attendeeName()), mailto(event.attendee())));
        vEvent.add(status(method, event.status()));

        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(method);
        if (definition != null) {
            calendar.add(definition);
        }
        calendar.add(vEvent);
        return folded(calendar.toString());
    }

    /**
     * The visitor asked for the slot, so they take part ({@code ACCEPTED}); whether the appointment happens is the
     * event's {@code STATUS}. No reply is asked for ({@code RSVP=FALSE}): bookings are confirmed and cancelled
     * through the links in the mail, and a calendar's reply would only land in the owner's inbox.
     */
    private static ParameterList attendee(String name) {
        List<Parameter> parameters = new ArrayList<>(names(name).getAll());
        parameters.add(Role.REQ_PARTICIPANT);
        parameters.add(PartStat.ACCEPTED);
        parameters.add(new Rsvp(false));
        return new ParameterList(parameters);
    }

    private static ParameterList names(String name) {
        String cn = PlainValues.parameter(name, MAX_NAME_LENGTH);
        return cn.isEmpty() ? new ParameterList() : new ParameterList(List.of(new Cn(cn)));
    }

    private static Method method(String method) {
        if ("REQUEST".equals(method)) {
            return ImmutableMethod.REQUEST;
        }
        if ("CANCEL".equals(method)) {
            return ImmutableMethod.CANCEL;
        }
        throw new IllegalArgumentException("an invitation's method is REQUEST or CANCEL, was " + method);
    }

    private static Status status(Method method, BookingStatus status) {
        if (method == ImmutableMethod.CANCEL || status == BookingStatus.CANCELLED) {
            return ImmutableStatus.VEVENT_CANCELLED;
        }
        return status == BookingStatus.CONFIRMED ? ImmutableStatus.VEVENT_CONFIRMED : ImmutableStatus.VEVENT_TENTATIVE;
    }

    /** {@code DTSTART} at the time's {@linkplain #wallClock wall-clock reading} if {@code zoned}, else in UTC. */
    private static Property start(ZonedDateTime time, boolean zoned) {
        if (!zoned) {
            return new DtStart<>(time.toInstant());
        }
        String wallClock = wallClock(time);
        return new DtStart<>(time) {
            @Override
            public String getValue() {
                return wallClock;
            }
        };
    }

    /** {@code DTEND} like {@link #start}. */
    private static Property end(ZonedDateTime time, boolean zoned) {
        if (!zoned) {
            return new DtEnd<>(time.toInstant());
        }
        String wallClock = wallClock(time);
        return new DtEnd<>(time) {
            @Override
            public String getValue() {
                return wallClock;
            }
        };
    }

    /**
     * The local date and time as java.time reads it in the time's zone. ical4j would write a zoned time by converting
     * it with zone rules it builds from its own {@code VTIMEZONE} data, and those miss some changes of offset (it
     * writes 10:00 in Moscow as 11:00, for one), which would move the appointment; java.time's rules are the ones the
     * booking was made with. Writing this also needs no zone lookup, which would read zone files on first use.
     */
    static String wallClock(ZonedDateTime time) {
        return WALL_CLOCK.format(time);
    }

    private static URI mailto(EmailAddress address) {
        try {
            return new URI("mailto", address.value(), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a mailto address: " + address, e);
        }
    }

    /** Folds every line longer than {@value #MAX_LINE_OCTETS} octets of UTF-8, continuing it after CRLF and a space. */
    static String folded(String unfolded) {
        StringBuilder folded = new StringBuilder(unfolded.length() + unfolded.length() / 32);
        for (String line : unfolded.split(LINE_BREAK)) {
            int octets = 0;
            for (int i = 0; i < line.length(); ) {
                int c = line.codePointAt(i);
                int size = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
                if (octets + size > MAX_LINE_OCTETS) {
                    folded.append(LINE_BREAK).append(' ');
                    octets = 1;
                }
                folded.appendCodePoint(c);
                octets += size;
                i += Character.charCount(c);
            }
            folded.append(LINE_BREAK);
        }
        return folded.toString();
    }

    /**
     * The definition of every region's zone that has daylight saving or other changes of offset, each under the id it
     * was asked for: ical4j answers a link such as {@code Europe/Amsterdam} with the zone it links to, and the
     * {@code TZID} of the definition must be the one the times name.
     */
    private static Map<String, VTimeZone> loadZones() {
        TimeZoneRegistry registry = TimeZoneRegistryFactory.getInstance().createRegistry();
        Map<String, VTimeZone> zones = new HashMap<>();
        for (String id : ZoneId.getAvailableZoneIds()) {
            // Regions only (ical4j adds slash-less ids of its own); fixed offsets need no definition.
            if (!id.contains("/") || ZoneId.of(id).normalized() instanceof ZoneOffset) {
                continue;
            }
            TimeZone zone = registry.getTimeZone(id);
            if (zone != null) {
                zones.put(id, zone.getID().equals(id) ? zone.getVTimeZone() : renamed(zone.getVTimeZone(), id));
            }
        }
        return Map.copyOf(zones);
    }

    /** The definition under another id, without the properties that name the zone it was written for. */
    private static VTimeZone renamed(VTimeZone definition, String id) {
        List<Property> properties = new ArrayList<>(List.of(new TzId(id)));
        definition.getProperties().stream()
                .filter(property -> !List.of(Property.TZID, Property.TZURL, "X-LIC-LOCATION").contains(property.getName()))
                .forEach(properties::add);
        return new VTimeZone(new PropertyList(properties), definition.getComponentList());
    }

    /** Writes an invitation and a cancellation once, so that the classes writing needs are loaded now. */
    private void warmUp() {
        EmailAddress address = new EmailAddress("warm-up@example.invalid");
        ZonedDateTime start = LocalDateTime.of(2000, 1, 1, 10, 0).atZone(ZoneId.of("Europe/Berlin"));
        for (String method : List.of("REQUEST", "CANCEL")) {
            invite(new Notice.CalendarEvent("warm-up", 0, method, start, start.plusHours(1), "Warm-up", address,
                    "Concierge", address, "Ünïcode \"name\"", BookingStatus.REQUESTED));
        }
    }
}
