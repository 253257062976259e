package dev.concierge.domain.tenant;

import dev.concierge.domain.shared.InvalidValueException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * The web origins a tenant allows to embed its widget, without duplicates, in the order the owner listed them.
 * Matching is exact: scheme, host and port must all agree.
 */
public record AllowedOrigins(List<Origin> values) {

    public static final int MAX_COUNT = 50;

    public AllowedOrigins {
        values = List.copyOf(new LinkedHashSet<>(values));
        if (values.size() > MAX_COUNT) {
            throw new InvalidValueException("must list at most " + MAX_COUNT + " origins");
        }
    }

    public static AllowedOrigins none() {
        return new AllowedOrigins(List.of());
    }

    public static AllowedOrigins of(Origin... origins) {
        return new AllowedOrigins(List.of(origins));
    }

    /**
     * Parses what an owner typed, one origin per entry.
     *
     * @throws InvalidValueException naming every entry that is not an origin, by its position
     */
    public static AllowedOrigins parse(List<String> raw) {
        List<Origin> origins = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String entry = raw.get(i);
            try {
                origins.add(Origin.parse(entry));
            } catch (InvalidValueException e) {
                problems.add("[" + i + "] " + (entry == null ? "" : "'" + entry + "' ") + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidValueException(String.join("; ", problems));
        }
        return new AllowedOrigins(origins);
    }

    /**
     * Whether the value of an {@code Origin} request header is one of these origins.
     */
    public boolean permits(String originHeader) {
        Optional<Origin> origin = Origin.fromHeader(originHeader);
        return origin.isPresent() && values.contains(origin.get());
    }
}
