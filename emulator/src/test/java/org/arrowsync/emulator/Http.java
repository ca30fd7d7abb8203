package org.arrowsync.emulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JDK HttpClient wrapper for talking to a running emulator, as a real client would. */
final class Http {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ArrowEmulator emulator;

    /** A response: status, headers and the raw body. */
    record Reply(int status, HttpHeaders headers, String body) {

        JsonNode json() {
            return JSON.readTree(body);
        }

        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    Http(ArrowEmulator emulator) {
        this.emulator = emulator;
    }

    Reply get(String path) {
        return send(api(path).header("apiKey", emulator.apiKey()).GET());
    }

    Reply post(String path, String json) {
        return send(api(path).header("apiKey", emulator.apiKey()).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    Reply getWithKey(String path, String header, String key) {
        HttpRequest.Builder request = api(path).GET();
        if (key != null) {
            request.header(header, key);
        }
        return send(request);
    }

    Reply control(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        emulator.controlUrl().resolve(path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return send(request);
    }

    /** The export call most tests make: one template, one period range, one page. */
    Reply export(String template, String from, String to, int page, int perPage) {
        return post("billing/erp/exports/sync", """
                {"exportTypeReference":"%s","filters":{"reportPeriod":{"from":"%s","to":"%s"}},"page":%d,"perPage":%d}
                """.formatted(template, from, to, page, perPage));
    }

    private HttpRequest.Builder api(String path) {
        return HttpRequest.newBuilder(URI.create(emulator.apiBaseUrl() + path))
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30));
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
