package org.arrowsync.emulator.control;

import java.util.List;
import java.util.Map;
import org.arrowsync.emulator.faults.Family;
import org.arrowsync.emulator.faults.Fault;
import org.arrowsync.emulator.faults.FaultKind;
import org.arrowsync.emulator.faults.Faults;
import org.arrowsync.emulator.faults.RateLimiter;
import org.arrowsync.emulator.http.ApiError;
import org.arrowsync.emulator.http.Json;
import org.arrowsync.emulator.http.Response;

/** Fault rules and the rate limit, as set through the control API. */
final class FaultControl {

    private FaultControl() {}

    static Response add(Faults faults, Body body) {
        String familyKey = body.text("family", "*");
        Family family;
        FaultKind kind;
        try {
            family = "*".equals(familyKey) ? null : Family.parse(familyKey);
            kind = FaultKind.parse(body.required("kind"));
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest(e.getMessage());
        }
        double probability = body.ratio("probability", 1.0);
        int count = (int) body.number("count", body.has("probability") ? -1 : 1);
        if (probability <= 0 || probability > 1 || count == 0) {
            throw ApiError.badRequest("probability must be in (0, 1] and count non-zero");
        }
        Fault fault = new Fault(
                family,
                kind,
                count,
                probability,
                (int) body.number("retryAfter", 1),
                body.number("latencyMs", 1000),
                (int) body.number("bodyStatus", 401),
                body.number("sizeMb", 400));
        faults.add(fault);
        return Response.json(201, view(fault));
    }

    static Response list(Faults faults) {
        List<Map<String, Object>> rules =
                faults.active().stream().map(FaultControl::view).toList();
        return Response.json(200, Json.obj("faults", rules));
    }

    static Response rateLimit(RateLimiter limiter, Body body) {
        limiter.configure(body.ratio("requestsPerSecond", 0));
        return rateLimit(limiter);
    }

    static Response rateLimit(RateLimiter limiter) {
        return Response.json(200, Json.obj("requestsPerSecond", limiter.requestsPerSecond()));
    }

    private static Map<String, Object> view(Fault f) {
        return Json.obj(
                "family",
                f.family() == null ? "*" : f.family().key(),
                "kind",
                f.kind().wire(),
                "count",
                f.count(),
                "probability",
                f.probability(),
                "retryAfter",
                f.retryAfterSeconds(),
                "latencyMs",
                f.latencyMs(),
                "bodyStatus",
                f.bodyStatus(),
                "sizeMb",
                f.sizeMb());
    }
}
