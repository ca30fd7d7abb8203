package org.arrowsync.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.YearMonth;
import tools.jackson.databind.JsonNode;

/** The emulator's control API (/_emulator/), over HTTP as any client would use it. */
public final class Control {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final String base;

    public Control(String base) {
        this.base = base;
    }

    public JsonNode summary(YearMonth period) {
        return call("GET", "summary?period=" + period, null);
    }

    public JsonNode call(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json")
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new AssertionError("Emulator control " + method + " " + path + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body().isBlank() ? null : Api.parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
