package org.arrowsync.emulator.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.util.Optional;
import org.arrowsync.emulator.faults.Family;
import org.arrowsync.emulator.faults.Fault;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ArrowSphere API pipeline: rate limit, injected fault, API key, endpoint, then faults that alter a normal
 * response. Every outcome is counted per family and status.
 */
public final class ApiHandler implements HttpHandler {

    public static final String BASE = "/index.php/api/";
    public static final String FAULT_HEADER = "X-Emulator-Fault";

    private static final Logger LOG = LoggerFactory.getLogger(ApiHandler.class);

    private final EmulatorState state;

    public ApiHandler(EmulatorState state) {
        this.state = state;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Response response;
        Family family = Family.OTHER;
        try {
            Request request =
                    Request.from(exchange, BASE).withStrict(state.strictness().strict());
            family = Family.of(request.path());
            response = respond(family, request);
        } catch (ApiError refused) {
            response = Response.error(refused);
        } catch (RuntimeException bug) {
            // An emulator bug must still look like an API failure to the client under test.
            LOG.warn("emulator failed on {}", exchange.getRequestURI(), bug);
            response = Response.error(500, "Internal Server Error", "EMULATOR_ERROR");
        }
        state.stats().record(family, response.status());
        Exchanges.write(exchange, response);
    }

    private Response respond(Family family, Request request) {
        long wait = state.limiter().acquire();
        if (wait > 0) {
            return Response.error(429, "Too Many Requests", "RATE_LIMIT_EXCEEDED")
                    .withHeader("Retry-After", Long.toString(wait));
        }
        Optional<Fault> fault = state.faults().draw(family);
        if (fault.isPresent() && FaultResponses.replaces(fault.get())) {
            return FaultResponses.replacement(fault.get());
        }
        fault.ifPresent(FaultResponses::delay);
        if (!state.apiKey().accepts(request.apiKey())) {
            return Response.error(401, "Unauthorized", "INVALID_API_KEY");
        }
        Response normal =
                route(fault.map(f -> FaultResponses.rewrite(f, request)).orElse(request));
        return fault.map(f -> FaultResponses.alter(f, normal)).orElse(normal);
    }

    private Response route(Request request) {
        try {
            return ApiRoutes.dispatch(state.worlds().current(), request);
        } catch (ApiError refused) {
            return Response.error(refused);
        }
    }
}
