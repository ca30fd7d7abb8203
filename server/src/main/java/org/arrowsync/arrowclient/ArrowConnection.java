package org.arrowsync.arrowclient;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;
import java.util.Optional;

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

    /**
     * {@code value} as an API base URL: absolute http or https, a host, a port in range, no user info (which would make
     * {@code https://arrow.example@elsewhere/} look like Arrow), no query or fragment. Empty for anything else.
     */
    public static Optional<URI> webUrl(String value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(value.strip());
            boolean web = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
            boolean port = uri.getPort() == -1 || (uri.getPort() >= 1 && uri.getPort() <= 65_535);
            boolean plain = uri.getRawUserInfo() == null && uri.getRawQuery() == null && uri.getRawFragment() == null;
            return web && uri.getHost() != null && port && plain ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a key can travel in the {@code apiKey} header as it is: visible ASCII only. Anything else (a line break,
     * a tab, a non-Latin-1 letter) is either refused by the HTTP client, whose message would then quote it, or reaches
     * Arrow altered.
     */
    public static boolean isSendableKey(String key) {
        return key != null && !key.isEmpty() && key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e);
    }

    /** {@code scheme://host:port}, what a permission for plain http is given for. */
    String origin() {
        return origin(apiUrl);
    }

    static String origin(URI uri) {
        return uri.getScheme().toLowerCase() + "://" + uri.getHost().toLowerCase() + ":" + uri.getPort();
    }

    URI resolve(String pathAndQuery) {
        return URI.create(apiUrl + pathAndQuery);
    }

    @Override
    public String toString() {
        return "ArrowConnection[apiUrl=" + apiUrl + ", apiKey=" + MASK + "]";
    }
}
