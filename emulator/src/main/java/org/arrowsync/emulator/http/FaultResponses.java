package org.arrowsync.emulator.http;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.arrowsync.emulator.faults.Fault;
import org.arrowsync.emulator.faults.FaultKind;

/** What each fault kind does to a response; every faulted response names its kind in a header. */
final class FaultResponses {

    private FaultResponses() {}

    static boolean replaces(Fault fault) {
        return fault.kind().replacesResponse() || fault.kind() == FaultKind.ERROR_BODY_200;
    }

    static Response replacement(Fault fault) {
        Response response;
        if (fault.kind() == FaultKind.ERROR_BODY_200) {
            // Waldur's tests simulate exactly this: HTTP 200 whose body says the call failed.
            response = Response.json(
                    200,
                    Json.obj(
                            "status",
                            fault.bodyStatus(),
                            "message",
                            fault.bodyStatus() == 401 ? "Unauthorized" : "Error"));
        } else {
            int status = fault.kind().httpStatus();
            response = Response.error(
                    status,
                    switch (status) {
                        case 403 -> "Forbidden";
                        case 404 -> "Not Found";
                        case 429 -> "Too Many Requests";
                        case 502 -> "Bad Gateway";
                        case 503 -> "Service Unavailable";
                        default -> "Internal Server Error";
                    },
                    "EMULATOR_FAULT_" + status);
            if (status == 429) {
                response = response.withHeader("Retry-After", Integer.toString(fault.retryAfterSeconds()));
            }
        }
        return response.withHeader(ApiHandler.FAULT_HEADER, fault.kind().wire());
    }

    static void delay(Fault fault) {
        if (fault.kind() != FaultKind.LATENCY) {
            return;
        }
        try {
            Thread.sleep(fault.latencyMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @SuppressWarnings("unchecked")
    static Response alter(Fault fault, Response normal) {
        Response marked =
                normal.withHeader(ApiHandler.FAULT_HEADER, fault.kind().wire());
        if (fault.kind() == FaultKind.MALFORMED_JSON) {
            byte[] bytes = normal.bytes();
            String cut = new String(bytes, StandardCharsets.UTF_8).substring(0, Math.max(1, bytes.length / 2));
            return marked.withRaw((cut + "<html>").getBytes(StandardCharsets.UTF_8));
        }
        if (fault.kind() == FaultKind.SHORT_PAGE && normal.body() instanceof Map<?, ?> body) {
            shorten((Map<String, Object>) body);
        }
        return marked;
    }

    /** Halves the largest list of rows in {@code data} (not the headers), leaving the pagination untouched. */
    @SuppressWarnings("unchecked")
    private static void shorten(Map<String, Object> body) {
        Object data = body.get("data");
        if (data instanceof List<?> list) {
            body.put("data", half(list));
        } else if (data instanceof Map<?, ?> map) {
            Map<String, Object> fields = (Map<String, Object>) map;
            fields.entrySet().stream()
                    .filter(e -> isRows(e.getValue()))
                    .max(java.util.Comparator.comparingInt(e -> ((List<?>) e.getValue()).size()))
                    .ifPresent(e -> e.setValue(half((List<?>) e.getValue())));
        }
    }

    private static boolean isRows(Object value) {
        return value instanceof List<?> list && !list.isEmpty() && !(list.get(0) instanceof String);
    }

    private static List<?> half(List<?> list) {
        return new java.util.ArrayList<>(list.subList(0, list.size() / 2));
    }
}
