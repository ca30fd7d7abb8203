package org.arrowsync.arrowclient;

import io.github.resilience4j.ratelimiter.RateLimiter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One connection's HTTP exchange: rate limit, deadlines, size cap, retries, envelope check and error mapping, so that
 * the readers above it only ever see a successful JSON body.
 */
final class Transport {

    private static final Logger log = LoggerFactory.getLogger(ArrowClient.class);

    /** Reads the typed result out of a checked JSON envelope; throws {@link PayloadProblem} on a wrong shape. */
    interface Reader<T> {
        T read(JsonNode root);
    }

    /**
     * Reads the typed result out of a checked JSON envelope, without its large field, and that field's value; throws
     * {@link PayloadProblem} on a wrong shape.
     */
    interface SplitReader<F, T> {
        T read(JsonNode envelope, F large);
    }

    private final HttpClient http;
    private final ArrowConnection connection;
    private final ArrowClientProperties properties;
    private final RateLimiter limiter;
    private final Retrier retrier;
    private final JsonMapper json;
    private final Clock clock;
    private final Failures failures;
    private final List<ArrowCallListener> listeners;

    Transport(
            HttpClient http,
            ArrowConnection connection,
            ArrowClientProperties properties,
            RateLimiter limiter,
            Retrier retrier,
            JsonMapper json,
            Clock clock,
            List<ArrowCallListener> listeners) {
        this.http = http;
        this.listeners = listeners;
        this.connection = connection;
        this.properties = properties;
        this.limiter = limiter;
        this.retrier = retrier;
        this.json = json;
        this.clock = clock;
        this.failures = new Failures(connection.apiKey());
    }

    Failures failures() {
        return failures;
    }

    JsonMapper json() {
        return json;
    }

    <T> T get(String path, Query query, Reader<T> reader) {
        return exchange("GET", path, query, null, LargeField.none(), (root, none) -> reader.read(root));
    }

    <T> T post(String path, Query query, JsonNode body, Reader<T> reader) {
        return post(path, query, body, LargeField.none(), (root, none) -> reader.read(root));
    }

    /** A POST whose answer's {@code large} field is read straight from the parser, the rest as a tree. */
    <F, T> T post(String path, Query query, JsonNode body, LargeField<F> large, SplitReader<F, T> reader) {
        return exchange("POST", path, query, json.writeValueAsString(body), large, reader);
    }

    private <F, T> T exchange(
            String method, String path, Query query, String body, LargeField<F> large, SplitReader<F, T> reader) {
        try {
            T result = call(method, path, query, body, large, reader);
            listeners.forEach(listener -> listener.succeeded(connection, path));
            return result;
        } catch (ArrowException e) {
            listeners.forEach(listener -> listener.failed(connection, path, e));
            throw e;
        }
    }

    private <F, T> T call(
            String method, String path, Query query, String body, LargeField<F> large, SplitReader<F, T> reader) {
        URI uri = connection.resolve(path + query.encoded());
        Body responseBody = retrier.call((attempt, timeLeft) -> once(method, path, uri, body, attempt, timeLeft));
        LargeField.Split<F> root = parse(path, responseBody, large);
        checkEnvelope(path, root.rest());
        try {
            return reader.read(root.rest(), root.value());
        } catch (PayloadProblem problem) {
            throw failures.badResponse(path, 200, problem.getMessage());
        }
    }

    private HttpRequest request(String method, URI uri, String body, Duration timeout) {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8);
        return HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("apiKey", connection.apiKey())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .method(method, publisher)
                .build();
    }

    private Retrier.Outcome<Body> once(
            String method, String endpoint, URI uri, String body, int attempt, Duration timeLeft) {
        long waiting = System.nanoTime();
        boolean permitted = limiter.acquirePermission();
        Duration waited = Duration.ofNanos(System.nanoTime() - waiting);
        listeners.forEach(listener -> listener.waited(connection, waited));
        if (!permitted) {
            return Retrier.Outcome.fatal(
                    failures.badResponse(endpoint, 0, "was not called: client-side rate limit wait exceeded"));
        }
        // The whole answer, body included, must be in by the deadline: a read timeout would let a drip-feed run on.
        Duration timeout = min(properties.readTimeout(), timeLeft);
        if (timeout.isZero()) {
            return Retrier.Outcome.fatal(failures.tooSlow(endpoint, properties.callTimeout()));
        }
        long started = System.nanoTime();
        CompletableFuture<HttpResponse<Body>> pending;
        try {
            pending = http.sendAsync(
                    request(method, uri, body, timeout), BoundedBody.handler(maxBytes(), started + timeout.toNanos()));
        } catch (IllegalArgumentException e) {
            // the JDK refuses a header value or URL it cannot send, and its message quotes it: never pass that on
            return Retrier.Outcome.fatal(failures.unsendable(endpoint));
        }
        HttpResponse<Body> response;
        try {
            response = pending.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.cancel(true);
            exchanged(endpoint, method, attempt, 0, started);
            return Retrier.Outcome.transientFailure(failures.tooSlow(endpoint, timeout), null);
        } catch (ExecutionException e) {
            return failed(method, endpoint, e.getCause(), timeout, attempt, started);
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return Retrier.Outcome.fatal(failures.transport(endpoint, e));
        }
        int status = response.statusCode();
        exchanged(endpoint, method, attempt, status, started);
        log.debug(
                "Arrow API {} {} -> HTTP {} in {} ms (attempt {})",
                method,
                endpoint,
                status,
                millisSince(started),
                attempt);
        if (status >= 200 && status <= 299) {
            return Retrier.Outcome.success(response.body());
        }
        logAnswer(endpoint, status, response.body());
        ArrowException failure = failures.httpStatus(endpoint, status);
        if (!Failures.retryable(status)) {
            return Retrier.Outcome.fatal(failure);
        }
        String retryAfter = response.headers().firstValue("Retry-After").orElse(null);
        return Retrier.Outcome.transientFailure(failure, Backoff.parseRetryAfter(retryAfter, clock.instant()));
    }

    /** An attempt that got no whole answer: too large is final, anything else (slow, refused, reset) may pass. */
    private Retrier.Outcome<Body> failed(
            String method, String endpoint, Throwable cause, Duration timeout, int attempt, long started) {
        log.debug(
                "Arrow API {} {} failed after {} ms (attempt {}): {}",
                method,
                endpoint,
                millisSince(started),
                attempt,
                cause.getClass().getSimpleName());
        exchanged(endpoint, method, attempt, 0, started);
        if (cause instanceof BoundedBody.TooLarge) {
            return Retrier.Outcome.fatal(failures.tooLarge(endpoint, properties.maxResponseSize()));
        }
        if (cause instanceof BoundedBody.TooSlow || cause instanceof HttpTimeoutException) {
            return Retrier.Outcome.transientFailure(failures.tooSlow(endpoint, timeout), null);
        }
        if (cause instanceof IOException io) {
            return Retrier.Outcome.transientFailure(failures.transport(endpoint, io), null);
        }
        return Retrier.Outcome.fatal(failures.unsendable(endpoint));
    }

    /** The answer's one JSON object, split around its large field; nothing before or after it. */
    private <F> LargeField.Split<F> parse(String endpoint, Body body, LargeField<F> large) {
        try (JsonParser parser = json.createParser(body.stream())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw notJson(endpoint, body);
            }
            LargeField.Split<F> root = large.read(parser);
            if (parser.nextToken() != null) {
                throw notJson(endpoint, body);
            }
            return root;
        } catch (JacksonException e) {
            throw notJson(endpoint, body);
        }
    }

    private ArrowException notJson(String endpoint, Body body) {
        logAnswer(endpoint, 200, body);
        return failures.invalidJson(endpoint, 200);
    }

    /** A body {@code status} (general envelope) or {@code code} (billing envelope; 0 is fine) that says error. */
    private void checkEnvelope(String endpoint, JsonNode root) {
        Integer status = Json.integer(root, "status", "Status");
        if (status != null && (status < 200 || status > 299)) {
            throw failures.bodyStatus(endpoint, "status", status);
        }
        Integer code = Json.integer(root, "code", "Code");
        if (code != null && code != 0 && (code < 200 || code > 299)) {
            throw failures.bodyStatus(endpoint, "code", code);
        }
    }

    /** What Arrow said, for whoever debugs the connection: in the DEBUG log only, never in an error message. */
    private void logAnswer(String endpoint, int status, Body body) {
        if (log.isDebugEnabled()) {
            log.debug("Arrow API {} answered HTTP {}: {}", endpoint, status, failures.excerpt(body));
        }
    }

    private void exchanged(String endpoint, String method, int attempt, int status, long startedNanos) {
        ArrowCallListener.Exchange exchange = new ArrowCallListener.Exchange(
                endpoint,
                ArrowCallListener.Exchange.familyOf(endpoint),
                method,
                attempt,
                status,
                Duration.ofNanos(System.nanoTime() - startedNanos));
        listeners.forEach(listener -> listener.exchanged(connection, exchange));
    }

    private int maxBytes() {
        return (int)
                Math.min(Integer.MAX_VALUE - 8L, properties.maxResponseSize().toBytes());
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
