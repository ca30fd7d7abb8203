package org.arrowsync.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.arrowsync.contract.ServedDocument;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A plain HTTP client for the server under test: real requests, real headers, JSON parsed into trees. Every answer from
 * {@code /api/} is checked against the server's own OpenAPI document.
 */
public final class Api {

    public static final String ADMIN_TOKEN = "test-admin-token";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;
    private final Map<String, String> headers;

    private Api(String baseUrl, String token, Map<String, String> headers) {
        this.baseUrl = baseUrl;
        this.token = token;
        this.headers = headers;
    }

    public static Api at(int port) {
        return new Api("http://localhost:" + port, ADMIN_TOKEN, Map.of());
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Api as(String otherToken) {
        return new Api(baseUrl, otherToken, headers);
    }

    public Api anonymous() {
        return as(null);
    }

    public Api withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Api(baseUrl, token, more);
    }

    public Response get(String path) {
        return send("GET", path, null);
    }

    public Response head(String path) {
        return send("HEAD", path, null);
    }

    public Response delete(String path) {
        return send("DELETE", path, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body);
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Response patch(String path, Object body) {
        return send("PATCH", path, body);
    }

    /** Sends a body as it is given: a String goes raw (for malformed JSON), anything else as JSON. */
    public Response send(String method, String path, Object body) {
        if (body == null) {
            return exchange(method, path, headers, null);
        }
        Map<String, String> json = new LinkedHashMap<>(headers);
        json.putIfAbsent("Content-Type", "application/json");
        return exchange(method, path, json, body instanceof String raw ? raw : JSON.writeValueAsString(body));
    }

    /**
     * Sends exactly these headers (besides the token) and this body text, if any: for requests no client would make.
     */
    public Response sendRaw(String method, String path, Map<String, String> rawHeaders, String body) {
        return exchange(method, path, rawHeaders, body);
    }

    private Response exchange(String method, String path, Map<String, String> sent, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(path.startsWith("http") ? path : baseUrl + path))
                .timeout(Duration.ofSeconds(60));
        if (token != null) {
            request.header("Authorization", "Token " + token);
        }
        sent.forEach(request::header);
        request.method(
                method,
                body == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String local = path.startsWith(baseUrl) ? path.substring(baseUrl.length()) : path;
            Response response = new Response(
                    method, local, answer.statusCode(), answer.headers().map(), answer.body());
            if (ServedDocument.describes(local)) {
                ServedDocument.assertDescribes(baseUrl, this, response);
            }
            return response;
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode parse(String text) {
        return JSON.readTree(text);
    }
}
