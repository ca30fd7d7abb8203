package org.arrowsync.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A response before it is written: the body stays an object so faults such as short_page can alter it, {@code raw}
 * carries bytes that must not be re-serialised (malformed_json), and {@code stream} writes a body too slow or too large
 * to hold (drip, huge); a {@code cutAt} of zero or more drops the connection after that many bytes of the body (reset).
 */
public record Response(int status, Map<String, String> headers, Object body, byte[] raw, Stream stream, int cutAt) {

    /** Writes a body as it goes, of unknown length. */
    @FunctionalInterface
    public interface Stream {
        void writeTo(OutputStream out) throws IOException;
    }

    public static Response json(int status, Object body) {
        return new Response(status, new LinkedHashMap<>(), body, null, null, -1);
    }

    public static Response streamed(int status, Stream stream) {
        return new Response(status, new LinkedHashMap<>(), null, null, stream, -1);
    }

    /** ArrowSphere's error body as modelled by the .NET client: status, error, errorCode, correlationId. */
    public static Response error(int status, String error, String errorCode) {
        return json(
                status,
                Json.obj(
                        "status",
                        status,
                        "error",
                        error,
                        "errorCode",
                        errorCode,
                        "correlationId",
                        UUID.randomUUID().toString()));
    }

    public static Response error(ApiError failure) {
        return error(failure.status(), failure.getMessage(), failure.errorCode());
    }

    public Response withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Response(status, copy, body, raw, stream, cutAt);
    }

    public Response withRaw(byte[] bytes) {
        return new Response(status, headers, body, bytes, stream, cutAt);
    }

    /** This answer announced whole, but the connection dropped after half of its body. */
    public Response cutHalfway() {
        return new Response(status, headers, body, raw, stream, bytes().length / 2);
    }

    public byte[] bytes() {
        return raw != null ? raw : Json.write(body);
    }
}
