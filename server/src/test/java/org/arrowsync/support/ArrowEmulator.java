package org.arrowsync.support;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.arrowsync.emulator.EmulatorOptions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ArrowSphere emulator in process for server tests: demo data, the clock at "now" (so the server's previous month
 * is a closed one), strict (as ArrowSphere's official clients show the API), faults switched through its control API.
 * One per test class.
 */
public final class ArrowEmulator implements AutoCloseable {

    private final org.arrowsync.emulator.ArrowEmulator emulator;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient http = HttpClient.newHttpClient();

    private ArrowEmulator(org.arrowsync.emulator.ArrowEmulator emulator) {
        this.emulator = emulator;
    }

    public static ArrowEmulator start() {
        return start(EmulatorOptions.DEMO_API_KEY);
    }

    public static ArrowEmulator start(String apiKey) {
        return new ArrowEmulator(org.arrowsync.emulator.ArrowEmulator.start(
                EmulatorOptions.demo().withApiKey(apiKey).withStrict(true)));
    }

    public String apiUrl() {
        return emulator.apiBaseUrl().toString();
    }

    public String apiKey() {
        return emulator.apiKey();
    }

    /** e.g. {@code {"family":"customers","kind":"500","count":5}}; see the emulator's README. */
    public void fault(String json) {
        control("POST", "faults", json);
    }

    public void clearFaults() {
        control("DELETE", "faults", null);
    }

    /** How many API requests reached the emulator, of every family and outcome (a wrong key included). */
    public long requests() {
        long total = 0;
        for (JsonNode family : JSON.readTree(control("GET", "stats", null))) {
            total += family.path("requests").asLong();
        }
        return total;
    }

    private String control(String method, String path, String body) {
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
                        "emulator control " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("emulator control " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        emulator.close();
    }
}
