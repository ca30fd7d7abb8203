package org.arrowsync.arrowclient;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A loopback HTTP server answering fixed bodies, one per method, path and page: the fixture test feeds the client
 * bodies shaped as in the official clients' tests through it, and reads back what the client sent. A test class
 * registers one as a static extension, which stops it after the class's tests.
 */
final class FixtureServer implements AutoCloseable, AfterAllCallback {

    /** What the client sent for one call. */
    record Call(String query, String body) {}

    private final HttpServer server;
    private final Map<String, String> bodies = new ConcurrentHashMap<>();
    private final Map<String, Call> calls = new ConcurrentHashMap<>();

    FixtureServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/", exchange -> {
            String path = exchange.getRequestURI().getPath().substring("/api/".length());
            String query = exchange.getRequestURI().getRawQuery() == null
                    ? ""
                    : exchange.getRequestURI().getRawQuery();
            String key = key(exchange.getRequestMethod(), path, page(query));
            calls.put(
                    key, new Call(query, new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            String body = bodies.get(key);
            byte[] bytes = (body == null ? "{\"status\":404,\"error\":\"no fixture\"}" : body)
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
    }

    /** Answers {@code method path} (page 1, or the query's {@code page}) with {@code body}. */
    void answer(String method, String path, int page, String body) {
        bodies.put(key(method, path, page), body);
    }

    void answer(String method, String path, String body) {
        answer(method, path, 1, body);
    }

    Call call(String method, String path, int page) {
        return calls.get(key(method, path, page));
    }

    ArrowClient client() {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/");
        return new ArrowClients(ClientSettings.fast()).connect(new ArrowConnection(base, "fixture-key"));
    }

    private static String key(String method, String path, int page) {
        return method + " " + path + " #" + page;
    }

    private static int page(String query) {
        for (String pair : query.split("&")) {
            if (pair.startsWith("page=")) {
                return Integer.parseInt(pair.substring("page=".length()));
            }
        }
        return 1;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }
}
