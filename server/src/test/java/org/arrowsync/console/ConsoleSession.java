package org.arrowsync.console;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser-like HTTP client of the console: cookies kept, redirects not followed, forms posted as forms (also used by
 * bench/console).
 */
public final class ConsoleSession {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final String base;
    private final HttpClient http;

    public ConsoleSession(int port) {
        this.base = "http://localhost:" + port;
        this.http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Signs in through the form, as a browser does; returns the answer to the form post. */
    public HttpResponse<String> signIn(String username, String password) {
        String token = csrfOf(get("/login").body());
        return post("/login", Map.of("username", username, "password", password, "_csrf", token));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(base + path)).GET();
        headers.forEach(request::header);
        return send(request);
    }

    public HttpResponse<String> post(String path, Map<String, String> form) {
        return post(path, form, Map.of());
    }

    public HttpResponse<String> post(String path, Map<String, String> form, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        headers.forEach(request::header);
        return send(request);
    }

    /** Posts a body of this type, with the CSRF token of {@code page} in the header htmx sends it in. */
    public HttpResponse<String> postBody(String page, String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .header("X-CSRF-TOKEN", csrfOf(get(page).body()))
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Posts a form of a console page as htmx posts it: the page read first for its CSRF token, the form's fields given
     * as name, value pairs.
     */
    public HttpResponse<String> postAsHtmx(String page, String path, String... fields) {
        Map<String, String> form = form(fields);
        form.put("_csrf", csrfOf(get(page).body()));
        return post(path, form, Map.of("HX-Request", "true"));
    }

    /** Posts a form and, where it answers with a redirect, reads the page it leads to (where a flash message shows). */
    public HttpResponse<String> postFollowing(String path, Map<String, String> form) {
        HttpResponse<String> answer = post(path, form);
        return answer.headers()
                .firstValue("Location")
                .map(location ->
                        send(HttpRequest.newBuilder(URI.create(base + path).resolve(location))
                                .GET()))
                .orElse(answer);
    }

    /** The CSRF token of a console page: the hidden form field, or the meta tag htmx reads. */
    static String csrfOf(String page) {
        Matcher input = CSRF_INPUT.matcher(page);
        if (input.find()) {
            return input.group(1);
        }
        Matcher meta = CSRF_META.matcher(page);
        if (meta.find()) {
            return meta.group(1);
        }
        throw new AssertionError("No CSRF token in the page");
    }

    static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1]);
        }
        return form;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
