package org.arrowsync.arrowclient;

import java.net.URI;
import java.util.Objects;

/** Where and as whom to call Arrow. The base URL always ends with {@code /}; {@link #toString()} masks the key. */
public record ArrowConnection(URI apiUrl, String apiKey) {

    static final String MASK = "****";

    public ArrowConnection {
        Objects.requireNonNull(apiUrl, "apiUrl");
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("Arrow API key must not be blank");
        }
        if (!apiUrl.toString().endsWith("/")) {
            apiUrl = URI.create(apiUrl + "/");
        }
    }

    public static ArrowConnection of(String apiUrl, String apiKey) {
        return new ArrowConnection(URI.create(apiUrl), apiKey);
    }

    URI resolve(String pathAndQuery) {
        return URI.create(apiUrl + pathAndQuery);
    }

    @Override
    public String toString() {
        return "ArrowConnection[apiUrl=" + apiUrl + ", apiKey=" + MASK + "]";
    }
}
