package org.arrowsync.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a {@link Response} to the JDK exchange. */
public final class Exchanges {

    private Exchanges() {}

    public static void write(HttpExchange exchange, Response response) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        if (response.stream() != null) {
            exchange.sendResponseHeaders(response.status(), 0); // chunked: the length is not known up front
            try (OutputStream out = exchange.getResponseBody()) {
                response.stream().writeTo(out);
            } catch (IOException clientGone) {
                // the client under test gave up on a drip-fed or huge answer: that is what such a fault is for
            }
            return;
        }
        byte[] bytes = response.bytes();
        if (response.cutAt() >= 0) {
            exchange.sendResponseHeaders(response.status(), bytes.length);
            OutputStream out = exchange.getResponseBody();
            out.write(bytes, 0, response.cutAt());
            out.flush();
            // Closed short of the announced length, the JDK server drops the connection instead of keeping it alive.
            exchange.close();
            return;
        }
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
