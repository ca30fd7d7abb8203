package org.arrowsync.arrowclient;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of every Arrow connection. Unset values (null, zero) fall back to the defaults below.
 *
 * @param connectTimeout TCP connect timeout
 * @param readTimeout time allowed for one request's whole answer, headers and body: a deadline, not a gap between reads
 * @param maxAttempts attempts per request including the first (retries = maxAttempts - 1)
 * @param initialBackoff delay before the first retry; doubles per retry, with jitter
 * @param maxBackoff cap of any retry delay, including one asked for by {@code Retry-After}
 * @param requestsPerSecond client-side request rate per (API URL, API key)
 * @param maxPages page cap of any paged read; hitting it is an error, not an endless loop
 * @param retriesEnabled false makes every request a single attempt (unit tests)
 * @param callTimeout deadline of one call: its attempts, their answers and the waits between them
 * @param maxResponseSize the largest answer read; a larger one fails the call unread, so no answer can exhaust memory
 * @param allowHttp whether plain {@code http://} API URLs may be called (they send the key unencrypted)
 */
@ConfigurationProperties("arrowsync.arrow.client")
public record ArrowClientProperties(
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration initialBackoff,
        Duration maxBackoff,
        double requestsPerSecond,
        int maxPages,
        @DefaultValue("true") boolean retriesEnabled,
        Duration callTimeout,
        DataSize maxResponseSize,
        boolean allowHttp) {

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    static final int DEFAULT_MAX_ATTEMPTS = 4;
    static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    static final double DEFAULT_REQUESTS_PER_SECOND = 5;
    static final int DEFAULT_MAX_PAGES = 10_000;
    static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofMinutes(3);
    static final DataSize DEFAULT_MAX_RESPONSE_SIZE = DataSize.ofMegabytes(16);

    public ArrowClientProperties {
        connectTimeout = positiveOr(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        readTimeout = positiveOr(readTimeout, DEFAULT_READ_TIMEOUT);
        maxAttempts = maxAttempts > 0 ? maxAttempts : DEFAULT_MAX_ATTEMPTS;
        initialBackoff = positiveOr(initialBackoff, DEFAULT_INITIAL_BACKOFF);
        maxBackoff = positiveOr(maxBackoff, DEFAULT_MAX_BACKOFF);
        requestsPerSecond = requestsPerSecond > 0 ? requestsPerSecond : DEFAULT_REQUESTS_PER_SECOND;
        maxPages = maxPages > 0 ? maxPages : DEFAULT_MAX_PAGES;
        callTimeout = positiveOr(callTimeout, DEFAULT_CALL_TIMEOUT);
        maxResponseSize =
                maxResponseSize == null || maxResponseSize.toBytes() <= 0 ? DEFAULT_MAX_RESPONSE_SIZE : maxResponseSize;
    }

    /** The defaults, retries on, https only. */
    public static ArrowClientProperties defaults() {
        return new ArrowClientProperties(null, null, 0, null, null, 0, 0, true, null, null, false);
    }

    /** Attempts actually made per request: one when retries are switched off. */
    int attempts() {
        return retriesEnabled ? maxAttempts : 1;
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
