package org.arrowsync.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A request written to a socket byte for byte, for what no HTTP client sends (an unknown method, raw header bytes). */
public final class RawHttp {

    private RawHttp() {}

    /** The whole answer to these bytes, read until the server closes (send {@code Connection: close}). */
    public static String exchange(int port, byte[] request) {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@link #exchange} of a request line and headers in ASCII, ending the head, with no body. */
    public static String exchange(int port, String requestLine, String... headers) {
        StringBuilder head = new StringBuilder(requestLine).append("\r\nHost: localhost\r\nConnection: close\r\n");
        for (String header : headers) {
            head.append(header).append("\r\n");
        }
        return exchange(port, head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
    }
}
