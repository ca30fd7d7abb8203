package org.arrowsync.arrowclient;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates {@link ArrowClient}s. Clients of the same (API URL, API key) share one request-rate limiter, so the limit
 * holds however many clients are created for a connection.
 */
@Component
public class ArrowClients {

    /** The longest a request waits for the client-side rate limiter before failing. */
    static final Duration RATE_LIMIT_WAIT = Duration.ofMinutes(5);

    private final ArrowClientProperties properties;
    private final HttpClient http;
    private final JsonMapper json;
    private final Map<ArrowConnection, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final List<ArrowCallListener> listeners;

    /** Clients nobody watches (tests, tools). */
    public ArrowClients(ArrowClientProperties properties) {
        this(properties, List.of());
    }

    @Autowired
    public ArrowClients(ArrowClientProperties properties, List<ArrowCallListener> listeners) {
        this.properties = properties;
        this.listeners = List.copyOf(listeners);
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.json = JsonMapper.builder()
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    public ArrowClient connect(ArrowConnection connection) {
        Backoff backoff = new Backoff(
                properties.initialBackoff(),
                properties.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        Retrier retrier = new Retrier(properties.attempts(), backoff, duration -> Thread.sleep(duration.toMillis()));
        Transport transport = new Transport(
                http, connection, properties, limiterFor(connection), retrier, json, Clock.systemUTC(), listeners);
        return new ArrowClient(transport, properties.maxPages());
    }

    private RateLimiter limiterFor(ArrowConnection connection) {
        return limiters.computeIfAbsent(
                connection,
                key -> RateLimiter.of(
                        "arrow-" + key.apiUrl(),
                        RateLimiterConfig.custom()
                                .limitForPeriod(1)
                                .limitRefreshPeriod(
                                        Duration.ofNanos(Math.max(1L, (long) (1e9 / properties.requestsPerSecond()))))
                                .timeoutDuration(RATE_LIMIT_WAIT)
                                .build()));
    }
}
