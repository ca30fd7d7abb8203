package org.arrowsync.contract;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.arrowsync.support.Api;
import org.arrowsync.support.Response;

/**
 * The server's own OpenAPI document, fetched once per server: every answer a test receives from {@code /api/} is
 * checked against it, so the document cannot drift from what the server really sends.
 */
public final class ServedDocument {

    private static final Map<String, OpenAPI> DOCUMENTS = new ConcurrentHashMap<>();
    private static final Pattern CANONICAL = Pattern.compile("/api/(?:[A-Za-z0-9_-]+/)*(?:\\?.*)?");

    private ServedDocument() {}

    /**
     * Whether an answer to this path is described by the served document: its own document and UI are not, nor odd
     * spellings of a path ({@code ;params}, escapes, double slashes) that tests send to probe routing.
     */
    public static boolean describes(String path) {
        return CANONICAL.matcher(path).matches() && !path.startsWith("/api/schema") && !path.startsWith("/api/docs");
    }

    /** A real answer against the served document of the server at {@code baseUrl}. */
    public static void assertDescribes(String baseUrl, Api api, Response response) {
        OpenAPI document = DOCUMENTS.computeIfAbsent(
                baseUrl,
                url -> Contract.parse(
                        api.anonymous().get("/api/schema/").expect(200).body()));
        Contract.assertDescribed(document, "the served document", response, true);
    }
}
