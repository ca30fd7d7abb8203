package org.arrowsync.arrowclient;

import java.time.Duration;

/** Client settings for tests: millisecond backoffs, 3 attempts, no client-side rate limit to speak of, http allowed. */
final class ClientSettings {

    private ClientSettings() {}

    static ArrowClientProperties fast() {
        return of(Duration.ofSeconds(5), Duration.ofMillis(10), 10_000, 1000, true);
    }

    /** Fast settings with the given read timeout, backoff cap, rate, page cap and retry switch. */
    static ArrowClientProperties of(
            Duration readTimeout, Duration maxBackoff, double requestsPerSecond, int maxPages, boolean retries) {
        return new ArrowClientProperties(
                Duration.ofSeconds(2),
                readTimeout,
                3,
                Duration.ofMillis(2),
                maxBackoff,
                requestsPerSecond,
                maxPages,
                retries,
                null,
                null,
                true);
    }
}
