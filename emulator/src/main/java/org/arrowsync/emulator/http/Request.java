package org.arrowsync.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An incoming call, reduced to what handlers need.
 *
 * @param path the path relative to the handler's base, without leading or trailing slash
 * @param strict read parameters only where the official clients send them ({@link Strictness})
 */
public record Request(
        String method, String path, Map<String, String> query, byte[] body, String apiKey, boolean strict) {

    /** Marks an export request as answered by an API whose sort has ties ({@code tied_rows}). */
    static final String TIES_REORDERED = "emulator.ties_reordered";
    /** Marks an export request as answered in pages of the API's own size, {@link #OWN_PAGE_ROWS} rows. */
    static final String OWN_PAGE_SIZE = "emulator.own_page_size";

    static final int OWN_PAGE_ROWS = 100;
    /** Marks a statement list's month filter ({@code reportPeriod}) as starting a month earlier: the month it names. */
    static final String MONTH_BEFORE_TOO = "emulator.month_before_too";

    public static Request from(HttpExchange exchange, String base) {
        String fullPath = exchange.getRequestURI().getPath();
        String path = fullPath.length() > base.length() ? fullPath.substring(base.length()) : "";
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        try {
            return new Request(
                    exchange.getRequestMethod(),
                    path,
                    query(exchange.getRequestURI().getRawQuery()),
                    exchange.getRequestBody().readAllBytes(),
                    exchange.getRequestHeaders().getFirst("apiKey"),
                    false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** First value per name; {@code name[]} is stored under {@code name} (ArrowSphere's array style). */
    private static Map<String, String> query(String raw) {
        Map<String, String> values = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            values.putIfAbsent(name.endsWith("[]") ? name.substring(0, name.length() - 2) : name, value);
        }
        return values;
    }

    public Request withStrict(boolean value) {
        return new Request(method, path, query, body, apiKey, value);
    }

    /**
     * An export request whose month filter ({@code filters.reportPeriod.from}) starts a month earlier; a statement
     * list's ({@code reportPeriod} in the query) too.
     */
    @SuppressWarnings("unchecked")
    Request withMonthBeforeToo() {
        if (body.length == 0) {
            String period = query.get("reportPeriod");
            if (period == null) {
                return this;
            }
            Map<String, String> marked = new HashMap<>(query);
            marked.put(
                    MONTH_BEFORE_TOO,
                    month("reportPeriod", period).minusMonths(1).toString());
            return new Request(method, path, marked, body, apiKey, strict);
        }
        Map<String, Object> object = Json.readObject(body);
        if (object.get("filters") instanceof Map<?, ?> filters
                && filters.get("reportPeriod") instanceof Map<?, ?> period
                && period.get("from") != null) {
            ((Map<String, Object>) period)
                    .put(
                            "from",
                            month("reportPeriod.from", period.get("from").toString())
                                    .minusMonths(1)
                                    .toString());
        }
        return new Request(method, path, query, Json.write(object), apiKey, strict);
    }

    /**
     * From page 3 on, the request for the page before, as a cache ahead of the API that mixed pages up answers it (page
     * 2 answered as page 1 is what {@link #withoutParameters} shows): the page in the query and in the body, wherever
     * it was sent.
     */
    Request forThePageBefore() {
        Map<String, String> earlier = new HashMap<>(query);
        earlier.computeIfPresent("page", (name, page) -> previous(page));
        byte[] moved = body;
        if (body.length > 0) {
            Map<String, Object> object = Json.readObject(body);
            object.computeIfPresent("page", (name, page) -> previous(page.toString()));
            moved = Json.write(object);
        }
        return new Request(method, path, earlier, moved, apiKey, strict);
    }

    private static String previous(String page) {
        try {
            int number = Integer.parseInt(page.strip());
            return Integer.toString(number >= 3 ? number - 1 : number);
        } catch (NumberFormatException e) {
            return page;
        }
    }

    /** The request as an API whose sort has ties reads it: its rows in another order than the last query's. */
    Request withTiesReordered() {
        Map<String, String> marked = new HashMap<>(query);
        marked.put(TIES_REORDERED, "true");
        return new Request(method, path, marked, body, apiKey, strict);
    }

    /** The request as an API that pages its exports by a size of its own reads it. */
    Request withOwnPageSize() {
        Map<String, String> marked = new HashMap<>(query);
        marked.put(OWN_PAGE_SIZE, "true");
        return new Request(method, path, marked, body, apiKey, strict);
    }

    /** The request as an API that reads none of its parameters sees it: no query, no paging in the body. */
    Request withoutParameters() {
        byte[] stripped = body;
        if (body.length > 0) {
            Map<String, Object> object = Json.readObject(body);
            object.remove("page");
            object.remove("perPage");
            stripped = Json.write(object);
        }
        return new Request(method, path, Map.of(), stripped, apiKey, strict);
    }

    /** The first present of {@code names} in the query; in strict mode only the first name counts. */
    public String param(String... names) {
        for (int i = 0; i < (strict ? 1 : names.length); i++) {
            String value = query.get(names[i]);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    public String[] segments() {
        return path.isEmpty() ? new String[0] : path.split("/");
    }

    public int intParam(String name, int fallback) {
        String value = query.get(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be an integer: " + value);
        }
    }

    public static YearMonth month(String name, String value) {
        try {
            return YearMonth.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name + " must be YYYY-MM: " + value);
        }
    }
}
