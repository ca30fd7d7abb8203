package org.arrowsync.emulator.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * A response before it is written: the body stays an object so faults such as short_page can alter it, and {@code raw}
 * carries bytes that must not be re-serialised (malformed_json).
 */
public record Response(int status, Map<String, String> headers, Object body, byte[] raw) {

    public static Response json(int status, Object body) {
        return new Response(status, new LinkedHashMap<>(), body, null);
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
        return new Response(status, copy, body, raw);
    }

    public Response withRaw(byte[] bytes) {
        return new Response(status, headers, body, bytes);
    }

    public byte[] bytes() {
        return raw != null ? raw : Json.write(body);
    }
}
