package org.arrowsync.support;

import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the server answered, with helpers that keep test assertions short. */
public record Response(String method, String path, int status, Map<String, List<String>> headers, String body) {

    public JsonNode json() {
        return body == null || body.isEmpty() ? null : Api.parse(body);
    }

    public String header(String name) {
        return headers.entrySet().stream()
                .filter(entry -> entry.getKey().equalsIgnoreCase(name))
                .flatMap(entry -> entry.getValue().stream())
                .findFirst()
                .orElse(null);
    }

    public String text(String field) {
        JsonNode node = json().get(field);
        return node == null || node.isNull() ? null : node.asString();
    }

    /** Each row's {@code field} as text, of an answer that is a JSON list. */
    public List<String> texts(String field) {
        return json().valueStream().map(row -> row.get(field).asString()).toList();
    }

    public Response expect(int expected) {
        if (status != expected) {
            throw new AssertionError(
                    method + " " + path + ": expected HTTP " + expected + " but got " + status + ": " + body);
        }
        return this;
    }
}
