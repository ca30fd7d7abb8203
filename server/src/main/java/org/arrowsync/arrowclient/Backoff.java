package org.arrowsync.arrowclient;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.function.DoubleSupplier;

/**
 * Retry delays: capped exponential backoff with "equal jitter" (half fixed, half random), or the server's
 * {@code Retry-After} when it sent one, never longer than the cap.
 */
record Backoff(Duration initial, Duration max, DoubleSupplier random) {

    /** Delay before retry number {@code retry} (1 = first retry); {@code retryAfter} may be null. */
    Duration delay(int retry, Duration retryAfter) {
        if (retryAfter != null) {
            return min(retryAfter, max);
        }
        int doublings = Math.min(Math.max(retry - 1, 0), 30);
        Duration exponential = min(initial.multipliedBy(1L << doublings), max);
        long half = exponential.toMillis() / 2;
        long jitter = (long) Math.floor(random.getAsDouble() * (exponential.toMillis() - half));
        return Duration.ofMillis(half + jitter);
    }

    /**
     * A {@code Retry-After} header value: delay-seconds or an HTTP date; null when absent or unreadable. A date in the
     * past means "now".
     */
    static Duration parseRetryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        try {
            double seconds = Double.parseDouble(value);
            return seconds >= 0 && !Double.isInfinite(seconds) ? Duration.ofMillis((long) (seconds * 1000)) : null;
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
