package org.arrowsync.arrowclient;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Creates {@link ArrowClient}s. Clients of the same (API URL, API key) share one request-rate limiter, so the limit
 * holds however many clients are created for a connection. Plain {@code http://} URLs are called only where allowed
 * ({@code ARROWSYNC_ARROW_ALLOW_HTTP}, or an origin the server itself serves, such as the demo's emulator): they send
 * the key unencrypted.
 */
@Component
public class ArrowClients {

    /** The longest a request waits for the client-side rate limiter before failing. */
    static final Duration RATE_LIMIT_WAIT = Duration.ofMinutes(5);
    /** A page of Arrow's largest answers holds some tens of thousands of tokens; a JSON bomb holds millions. */
    static final long MAX_TOKENS = 2_000_000;

    static final int MAX_NESTING = 64;

    private final ArrowClientProperties properties;
    private final HttpClient http;
    private final JsonMapper json;
    private final Map<ArrowConnection, RateLimiter> limiters = new ConcurrentHashMap<>();
    private final Set<String> plainHttpOrigins = ConcurrentHashMap.newKeySet();
    private final List<ArrowCallListener> listeners;
    /** What a {@code Retry-After} date is read against. */
    private final Clock clock;

    /** Clients nobody watches (tests, tools), on the system's clock. */
    public ArrowClients(ArrowClientProperties properties) {
        this(properties, List.of(), Clock.systemUTC());
    }

    @Autowired
    public ArrowClients(ArrowClientProperties properties, List<ArrowCallListener> listeners, Clock clock) {
        this.properties = properties;
        this.listeners = List.copyOf(listeners);
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        JsonFactory bounded = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING)
                        .maxTokenCount(MAX_TOKENS)
                        .build())
                .build();
        this.json = JsonMapper.builder(bounded)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
    }

    /**
     * A client for the connection; {@link ArrowConnectionRefused} when its URL is not one the client calls or its key
     * cannot be sent.
     */
    public ArrowClient connect(ArrowConnection connection) {
        return connect(connection, listeners);
    }

    /**
     * {@link #connect} for credentials being tried out (typed into the setup wizard): listeners that follow saved
     * settings ({@link ArrowCallListener#watchesTrials}) are not told, so a mistyped key leaves their health alone.
     */
    public ArrowClient tryOut(ArrowConnection connection) {
        return connect(
                connection,
                listeners.stream().filter(ArrowCallListener::watchesTrials).toList());
    }

    private ArrowClient connect(ArrowConnection connection, List<ArrowCallListener> watching) {
        if (ArrowConnection.webUrl(connection.apiUrl().toString()).isEmpty()) {
            throw new ArrowConnectionRefused(
                    "The Arrow API URL is not an absolute http(s) URL with a host: save the settings with a valid one");
        }
        if (!allows(connection.apiUrl())) {
            throw new ArrowConnectionRefused("The Arrow API URL is plain http, which would send the API key"
                    + " unencrypted: use https (ARROWSYNC_ARROW_ALLOW_HTTP=true allows http)");
        }
        if (!ArrowConnection.isSendableKey(connection.apiKey())) {
            throw new ArrowConnectionRefused("The Arrow API key holds characters an HTTP header cannot carry (spaces,"
                    + " line breaks, non-ASCII letters): save the settings with the key as Arrow gave it");
        }
        Backoff backoff = new Backoff(
                properties.initialBackoff(),
                properties.maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
        Retrier retrier = new Retrier(
                properties.attempts(),
                backoff,
                duration -> Thread.sleep(duration.toMillis()),
                properties.callTimeout(),
                System::nanoTime);
        Transport transport =
                new Transport(http, connection, properties, limiterFor(connection), retrier, json, clock, watching);
        return new ArrowClient(transport, properties.maxPages());
    }

    /** Whether the client calls this (well-formed) URL: https always, plain http where allowed. */
    public boolean allows(URI url) {
        return !"http".equalsIgnoreCase(url.getScheme())
                || properties.allowHttp()
                || plainHttpOrigins.contains(ArrowConnection.origin(url));
    }

    /**
     * Allows plain http to one origin whatever {@code ARROWSYNC_ARROW_ALLOW_HTTP} says: for an Arrow API this server
     * runs itself on loopback (the demo's emulator), where the key never leaves the machine.
     */
    public void allowPlainHttpTo(URI loopbackUrl) {
        if (!isLoopback(loopbackUrl.getHost())) {
            throw new IllegalArgumentException("plain http is allowed to loopback addresses only");
        }
        plainHttpOrigins.add(ArrowConnection.origin(loopbackUrl));
    }

    private static boolean isLoopback(String host) {
        try {
            return host != null && InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
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
