package org.arrowsync.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;

/** Writes a {@link Response} to the JDK exchange. */
public final class Exchanges {

    private Exchanges() {}

    public static void write(HttpExchange exchange, Response response) throws IOException {
        byte[] bytes = response.bytes();
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        response.headers()
                .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(response.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
