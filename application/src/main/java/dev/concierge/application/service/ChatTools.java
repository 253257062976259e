package dev.concierge.application.service;

import dev.concierge.application.port.in.FreeSlotsUseCase.FreeSlots;
import dev.concierge.application.port.out.ToolSpec;
import dev.concierge.domain.booking.Slot;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tools the assistant may ask for, and reading their arguments. Arguments come from the model and are untrusted:
 * only what is looked for is read (dates, instants, a number of days), everything else is ignored, and whatever is
 * read is checked against the tenant's real free slots.
 */
final class ChatTools {

    static final String LIST_FREE_SLOTS = "list_free_slots";
    static final String OFFER_SLOTS = "offer_slots";

    static final List<ToolSpec> SPECS = List.of(
            new ToolSpec(LIST_FREE_SLOTS, "Lists the business's free appointment slots, earliest first.",
                    "{\"type\":\"object\",\"properties\":{\"from\":{\"type\":\"string\",\"description\":"
                            + "\"First day to look at, YYYY-MM-DD; default today\"},\"days\":{\"type\":\"integer\","
                            + "\"description\":\"How many days to look at, 1 to 60; default 14\"}}}"),
            new ToolSpec(OFFER_SLOTS, "Shows the visitor buttons for these free slots; the visitor then books with"
                    + " a form. Use the exact start values from list_free_slots.",
                    "{\"type\":\"object\",\"properties\":{\"starts\":{\"type\":\"array\",\"items\":{\"type\":"
                            + "\"string\"}}},\"required\":[\"starts\"]}"));

    private static final Pattern FROM = Pattern.compile("\"from\"\\s*:\\s*\"(\\d{4}-\\d{2}-\\d{2})");
    private static final Pattern DAYS = Pattern.compile("\"days\"\\s*:\\s*(\\d{1,3})");
    private static final Pattern INSTANT = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:\\d{2})");

    private ChatTools() {
    }

    /** The window's start the model asked for, or {@code null} for now. */
    static Instant from(String arguments, Clock clock) {
        Matcher matcher = FROM.matcher(arguments);
        if (!matcher.find()) {
            return null;
        }
        try {
            Instant start = LocalDate.parse(matcher.group(1)).atStartOfDay(ZoneOffset.UTC).toInstant();
            return start.isBefore(clock.instant()) ? null : start;
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The window's end the model asked for, or {@code null} for the default. */
    static Instant to(String arguments, Clock clock) {
        Matcher matcher = DAYS.matcher(arguments);
        if (!matcher.find()) {
            return null;
        }
        int days = Math.max(1, Math.min(60, Integer.parseInt(matcher.group(1))));
        Instant from = from(arguments, clock);
        return (from == null ? clock.instant() : from).plus(Duration.ofDays(days));
    }

    /** The free slots as the model reads them: a JSON array of starts with their local times. */
    static String describe(FreeSlots free, int most) {
        StringBuilder json = new StringBuilder("{\"timeZone\":\"").append(free.timeZone().getId())
                .append("\",\"slots\":[");
        List<Slot> slots = free.slots().subList(0, Math.min(most, free.slots().size()));
        for (int i = 0; i < slots.size(); i++) {
            Slot slot = slots.get(i);
            json.append(i == 0 ? "" : ",").append("{\"start\":\"").append(slot.start()).append("\",\"local\":\"")
                    .append(slot.localStart().toLocalDateTime()).append("\"}");
        }
        return json.append("]}").toString();
    }

    /** The free slots among the starts the model named, in the order of the free slots, each once. */
    static List<Slot> chosen(String arguments, List<Slot> free) {
        List<Instant> named = new ArrayList<>();
        Matcher matcher = INSTANT.matcher(arguments);
        while (matcher.find()) {
            try {
                named.add(OffsetDateTime.parse(matcher.group()).toInstant());
            } catch (DateTimeException ignored) {
                // Not an instant after all: nothing to offer for it.
            }
        }
        return free.stream().filter(slot -> named.contains(slot.start())).toList();
    }
}
