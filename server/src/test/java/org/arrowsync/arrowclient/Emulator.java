package org.arrowsync.arrowclient;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import org.arrowsync.emulator.ArrowEmulator;
import org.arrowsync.emulator.EmulatorOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The real ArrowSphere emulator, in process on a free port, driven through its HTTP control API. As a JUnit extension
 * ({@code @RegisterExtension static final Emulator emulator = new Emulator();}) it runs once per test class and is
 * reset to the demo data before each test. It is strict: it reads each parameter only where the official clients send
 * it, so the client is tested against the API as those clients show it.
 */
final class Emulator implements AutoCloseable, BeforeAllCallback, AfterAllCallback, BeforeEachCallback {

    /** The emulator's clock: mid-November 2024, so October 2024 is a closed, validated month. */
    static final Instant NOW = Instant.parse("2024-11-15T12:00:00Z");

    static final YearMonth CLOSED_MONTH = YearMonth.of(2024, 10);
    static final String MSP_EXPORT = "E1-2-b2f08942207fbd6838ba332a98387c69";
    static final String STANDARD_EXPORT = "DJ284LDZ-standard";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();
    private ArrowEmulator emulator;

    @Override
    public void beforeAll(ExtensionContext context) {
        emulator = ArrowEmulator.start(EmulatorOptions.demo().withClock(NOW).withStrict(true));
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Fast settings: millisecond backoffs, 3 attempts, no meaningful client-side rate limit, http allowed. */
    static ArrowClientProperties fastProperties() {
        return properties(Duration.ofSeconds(5), Duration.ofMillis(10), 10_000, 1000, true);
    }

    /** Fast settings with the given read timeout, backoff cap, rate, page cap and retry switch. */
    static ArrowClientProperties properties(
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

    ArrowConnection connection() {
        return new ArrowConnection(emulator.apiBaseUrl(), emulator.apiKey());
    }

    ArrowClient client() {
        return client(fastProperties());
    }

    ArrowClient client(ArrowClientProperties properties) {
        return new ArrowClients(properties).connect(connection());
    }

    /** A client for the emulator's URL with another key. */
    ArrowClient clientFor(String apiKey) {
        return new ArrowClients(fastProperties()).connect(new ArrowConnection(emulator.apiBaseUrl(), apiKey));
    }

    String apiKey() {
        return emulator.apiKey();
    }

    URI apiBaseUrl() {
        return emulator.apiBaseUrl();
    }

    /** Demo data, strict, no faults, no rate limit, zeroed counters. */
    void reset() {
        preset("{\"preset\":\"demo\",\"strict\":true,\"clock\":\"" + NOW + "\"}");
        rateLimit(0);
    }

    /** Loads a preset, e.g. {@code {"preset":"demo","customers":250}}; faults and counters start empty. */
    JsonNode preset(String body) {
        return control("POST", "preset", body);
    }

    void fault(String body) {
        control("POST", "faults", body);
    }

    void rateLimit(double requestsPerSecond) {
        control("POST", "rate-limit", "{\"requestsPerSecond\":" + requestsPerSecond + "}");
    }

    /** Requests the emulator received for a family ({@code customers}, {@code exports}, …) with a status. */
    long requests(String family, String statusOrRequests) {
        JsonNode count = control("GET", "stats", null).path(family).path(statusOrRequests);
        return count.isMissingNode() ? 0 : count.asLong();
    }

    /**
     * Waits until the emulator has answered {@code count} requests of a family: a request the client gave up on
     * (timeout) is still being served, and must not be counted in the next test.
     */
    void awaitRequests(String family, long count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (requests(family) < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    long requests(String family) {
        return requests(family, "requests");
    }

    private JsonNode control(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(emulator.controlUrl().resolve(path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException(
                        "control " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("control " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static YearMonth month(Instant instant) {
        return YearMonth.from(instant.atOffset(ZoneOffset.UTC));
    }

    @Override
    public void close() {
        emulator.close();
    }
}
