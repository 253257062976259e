package dev.concierge.domain.booking;

import java.time.Duration;
import java.util.Objects;

/**
 * How far ahead visitors book: no slot starts sooner than {@code leadTime} from now (the owner needs time to see the
 * request), and the widget looks {@code defaultWindow} ahead unless asked for up to {@code maxWindow}.
 */
public record BookingPolicy(Duration leadTime, Duration defaultWindow, Duration maxWindow) {

    public BookingPolicy {
        Objects.requireNonNull(leadTime, "leadTime");
        Objects.requireNonNull(defaultWindow, "defaultWindow");
        Objects.requireNonNull(maxWindow, "maxWindow");
        if (leadTime.isNegative() || defaultWindow.isNegative() || defaultWindow.isZero()
                || maxWindow.compareTo(defaultWindow) < 0) {
            throw new IllegalArgumentException("a lead time of zero or more and a default window within the maximum");
        }
    }

    /** One hour's notice; the next 14 days by default, at most 60. */
    public static BookingPolicy defaults() {
        return new BookingPolicy(Duration.ofHours(1), Duration.ofDays(14), Duration.ofDays(60));
    }
}
