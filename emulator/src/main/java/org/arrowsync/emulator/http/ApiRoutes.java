package org.arrowsync.emulator.http;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrowsync.emulator.data.World;

/** The endpoint table: method and path pattern (relative to the API base) to handler. */
final class ApiRoutes {

    /** One endpoint; path groups are passed to the handler through the matcher. */
    private record Route(String method, Pattern path, Handler handler) {}

    @FunctionalInterface
    private interface Handler {
        Response handle(World world, Request request, Matcher path);
    }

    private static final String REF = "([^/]+)";

    private static final List<Route> ROUTES = List.of(
            get("whoami", (w, r, m) -> CustomerEndpoints.whoami(w.partnerReference())),
            get("customers", (w, r, m) -> CustomerEndpoints.list(w.universe(), r)),
            get("customers/" + REF, (w, r, m) -> CustomerEndpoints.one(w.universe(), m.group(1))),
            get("licenses", (w, r, m) -> LicenseEndpoints.list(w.universe(), r)),
            new Route("POST", Pattern.compile("licenses/v2/find"), (w, r, m) -> LicenseEndpoints.find(w, r)),
            get("licenses/" + REF, (w, r, m) -> LicenseEndpoints.one(w.universe(), m.group(1))),
            get(
                    "licenses/" + REF + "/predictions/daily",
                    (w, r, m) -> ConsumptionEndpoints.dailyPredictions(w, m.group(1))),
            get("consumption/monthly/license/" + REF, (w, r, m) -> ConsumptionEndpoints.monthly(w, m.group(1), r)),
            get(
                    "consumption/license/" + REF + "/prediction",
                    (w, r, m) -> ConsumptionEndpoints.prediction(w, m.group(1), r)),
            get("billing/erp/exports/types", (w, r, m) -> ExportEndpoints.types()),
            get("billing/erp/exports/types/" + REF, (w, r, m) -> ExportEndpoints.type(m.group(1))),
            get("billing/erp/exports/columns", (w, r, m) -> ExportEndpoints.columns()),
            new Route("POST", Pattern.compile("billing/erp/exports/sync"), (w, r, m) -> ExportEndpoints.sync(w, r)),
            get("billing/statements", (w, r, m) -> Statements.list(w, r)),
            get("billing/statements/" + REF, (w, r, m) -> Statements.one(w, m.group(1))),
            get("billing/statements/" + REF + "/lines", (w, r, m) -> Statements.lines(w, m.group(1), r)),
            get("catalog/categories", (w, r, m) -> ProgramEndpoints.categories()),
            get("catalog/categories/" + REF + "/programs", (w, r, m) -> ProgramEndpoints.programs(m.group(1), r)),
            get("subscriptions", (w, r, m) -> ProgramEndpoints.subscriptions(r)),
            get("subscriptions/" + REF, (w, r, m) -> ProgramEndpoints.subscription(m.group(1))));

    private ApiRoutes() {}

    private static Route get(String path, Handler handler) {
        return new Route("GET", Pattern.compile(path), handler);
    }

    static Response dispatch(World world, Request request) {
        boolean pathKnown = false;
        for (Route route : ROUTES) {
            Matcher matcher = route.path().matcher(request.path());
            if (matcher.matches()) {
                pathKnown = true;
                if (route.method().equals(request.method())) {
                    return route.handler().handle(world, request, matcher);
                }
            }
        }
        if (pathKnown) {
            throw new ApiError(405, "METHOD_NOT_ALLOWED", request.method() + " not allowed on " + request.path());
        }
        throw ApiError.notFound("no endpoint " + request.path());
    }
}
