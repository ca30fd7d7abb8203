package org.arrowsync.arrowclient;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of every Arrow connection. Unset values (null, zero) fall back to the defaults below.
 *
 * @param connectTimeout TCP connect timeout
 * @param readTimeout time allowed for one request's response
 * @param maxAttempts attempts per request including the first (retries = maxAttempts - 1)
 * @param initialBackoff delay before the first retry; doubles per retry, with jitter
 * @param maxBackoff cap of any retry delay, including one asked for by {@code Retry-After}
 * @param requestsPerSecond client-side request rate per (API URL, API key)
 * @param maxPages page cap of any paged read; hitting it is an error, not an endless loop
 * @param retriesEnabled false makes every request a single attempt (unit tests)
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
        @DefaultValue("true") boolean retriesEnabled) {

    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(60);
    static final int DEFAULT_MAX_ATTEMPTS = 4;
    static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(500);
    static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(30);
    static final double DEFAULT_REQUESTS_PER_SECOND = 5;
    static final int DEFAULT_MAX_PAGES = 10_000;

    public ArrowClientProperties {
        connectTimeout = positiveOr(connectTimeout, DEFAULT_CONNECT_TIMEOUT);
        readTimeout = positiveOr(readTimeout, DEFAULT_READ_TIMEOUT);
        maxAttempts = maxAttempts > 0 ? maxAttempts : DEFAULT_MAX_ATTEMPTS;
        initialBackoff = positiveOr(initialBackoff, DEFAULT_INITIAL_BACKOFF);
        maxBackoff = positiveOr(maxBackoff, DEFAULT_MAX_BACKOFF);
        requestsPerSecond = requestsPerSecond > 0 ? requestsPerSecond : DEFAULT_REQUESTS_PER_SECOND;
        maxPages = maxPages > 0 ? maxPages : DEFAULT_MAX_PAGES;
    }

    /** The defaults, retries on. */
    public static ArrowClientProperties defaults() {
        return new ArrowClientProperties(null, null, 0, null, null, 0, 0, true);
    }

    /** Attempts actually made per request: one when retries are switched off. */
    int attempts() {
        return retriesEnabled ? maxAttempts : 1;
    }

    private static Duration positiveOr(Duration value, Duration fallback) {
        return value == null || value.isZero() || value.isNegative() ? fallback : value;
    }
}
