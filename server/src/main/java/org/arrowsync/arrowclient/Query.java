package org.arrowsync.arrowclient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Query parameters in insertion order; null values are left out. */
final class Query {

    private final List<String> pairs = new ArrayList<>();

    static Query empty() {
        return new Query();
    }

    Query with(String name, Object value) {
        if (value != null) {
            pairs.add(encode(name) + "=" + encode(value.toString()));
        }
        return this;
    }

    String encoded() {
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** One path segment, e.g. a reference: percent-encoded, spaces as {@code %20}; never a step of the path. */
    static String segment(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Arrow reference must not be blank");
        }
        if (value.equals(".") || value.equals("..")) {
            throw new PathStepReference(value);
        }
        return encode(value).replace("+", "%20");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
