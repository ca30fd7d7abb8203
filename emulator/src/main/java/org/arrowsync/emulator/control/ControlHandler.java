package org.arrowsync.emulator.control;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.arrowsync.emulator.data.Presets;
import org.arrowsync.emulator.data.ScaleOptions;
import org.arrowsync.emulator.data.World;
import org.arrowsync.emulator.data.Worlds;
import org.arrowsync.emulator.faults.Faults;
import org.arrowsync.emulator.faults.RateLimiter;
import org.arrowsync.emulator.faults.Stats;
import org.arrowsync.emulator.http.ApiError;
import org.arrowsync.emulator.http.ApiKey;
import org.arrowsync.emulator.http.EmulatorState;
import org.arrowsync.emulator.http.Exchanges;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.emulator.http.Json;
import org.arrowsync.emulator.http.Request;
import org.arrowsync.emulator.http.Response;
import org.arrowsync.emulator.http.Strictness;

/** The emulator-only control API under {@code /_emulator/}; no API key, plain JSON bodies. */
public final class ControlHandler implements HttpHandler {

    public static final String BASE = "/_emulator/";

    private final Worlds worlds;
    private final Faults faults;
    private final RateLimiter limiter;
    private final Stats stats;
    private final Strictness strictness;
    private final ApiKey apiKey;

    public ControlHandler(EmulatorState state) {
        this.worlds = state.worlds();
        this.faults = state.faults();
        this.limiter = state.limiter();
        this.stats = state.stats();
        this.strictness = state.strictness();
        this.apiKey = state.apiKey();
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Response response;
        try {
            response = route(Request.from(exchange, BASE));
        } catch (ApiError refused) {
            response = Response.json(refused.status(), Json.obj("error", refused.getMessage()));
        } catch (IllegalArgumentException | ArithmeticException | DateTimeParseException invalid) {
            response = Response.json(400, Json.obj("error", invalid.getMessage()));
        }
        Exchanges.write(exchange, response);
    }

    private Response route(Request request) {
        String[] s = request.segments();
        String head = s.length == 0 ? "" : s[0];
        String call = request.method() + " " + head + (s.length > 1 ? "/*" : "");
        World world = worlds.current();
        Body body = new Body(Json.readObject(request.body()));
        return switch (call) {
            case "POST preset" -> loadPreset(body);
            case "GET clock" -> clock();
            case "POST clock" -> setClock(body);
            case "GET config" -> config();
            case "GET mode" -> mode();
            case "POST mode" -> setMode(body);
            case "GET lines/*" -> LineControl.show(world, s[1]);
            case "POST lines/*" -> LineControl.changePrice(world, s[1], body);
            case "DELETE lines/*" -> LineControl.remove(world, s[1]);
            case "POST lines" -> LineControl.add(world, body);
            case "POST customers/*" -> NameControl.changeCustomer(world, s[1], body);
            case "POST licenses/*" -> NameControl.renameLicense(world, s[1], body);
            case "GET summary" -> LineControl.summary(world, request);
            case "GET faults" -> FaultControl.list(faults);
            case "POST faults" -> FaultControl.add(faults, body);
            case "DELETE faults" -> {
                faults.clear(world.universe().seed());
                yield Response.json(200, Json.obj("faults", java.util.List.of()));
            }
            case "GET rate-limit" -> FaultControl.rateLimit(limiter);
            case "POST rate-limit" -> FaultControl.rateLimit(limiter, body);
            case "POST api-key" -> rotateKey(body);
            case "POST partner" -> setPartner(body);
            case "GET stats" -> Response.json(200, stats.snapshot());
            case "DELETE stats" -> {
                stats.reset();
                yield Response.json(200, stats.snapshot());
            }
            default ->
                throw ApiError.notFound("no control endpoint " + request.method() + " /_emulator/" + request.path());
        };
    }

    private Response mode() {
        return Response.json(200, Json.obj("strict", strictness.strict()));
    }

    /** {@code {"strict": true|false}}: how requests are read from now on (kept across preset reloads). */
    private Response setMode(Body body) {
        strictness.set(Boolean.parseBoolean(body.required("strict")));
        return mode();
    }

    /** {@code {"apiKey": "…"}}: the only key the API accepts from now on, as when a partner rotates its key. */
    private Response rotateKey(Body body) {
        String next = body.required("apiKey");
        if (next.isBlank()) {
            throw ApiError.badRequest("apiKey must not be blank");
        }
        apiKey.rotate(next);
        return Response.json(200, Json.obj("rotated", true));
    }

    /**
     * {@code {"reference": "XSP…"}}: the partner's reference from now on, in whoami, statements and licenses; emulators
     * that one arrowsync database sees over time are then separate Arrow accounts.
     */
    private Response setPartner(Body body) {
        String reference = body.required("reference");
        if (!reference.matches("XSP\\d{1,18}")) {
            throw ApiError.badRequest("reference must be XSP and digits");
        }
        worlds.partner().setReference(reference);
        return Response.json(200, Json.obj("reference", reference));
    }

    /** Reloads data from a preset; corrections, faults and stats start empty. The rate limit and mode are kept. */
    private Response loadPreset(Body body) {
        World current = worlds.current();
        String preset = body.text("preset", current.universe().preset());
        ScaleOptions shape = Presets.defaultShape(preset);
        shape = new ScaleOptions(
                (int) body.number("customers", shape.customers()),
                (int) body.number("licensesPerCustomer", shape.licensesPerCustomer()),
                (int) body.number("linesPerLicense", shape.linesPerLicense()),
                body.text("consumptionHeaders", shape.consumptionHeaders()),
                (int) body.number("validationDays", shape.validationDays()),
                (int) body.number("historyMonths", shape.historyMonths()));
        if (body.has("clock")) {
            worlds.clock().set(Instant.parse(body.required("clock")));
        }
        if (body.has("strict")) {
            strictness.set(Boolean.parseBoolean(body.required("strict")));
        }
        long seed = body.number("seed", current.universe().seed());
        worlds.load(preset, seed, shape);
        faults.clear(seed);
        stats.reset();
        return config();
    }

    private Response clock() {
        World world = worlds.current();
        return Response.json(
                200,
                Json.obj(
                        "now",
                        worlds.clock().instant().toString(),
                        "currentPeriod",
                        world.clock().currentMonth().toString(),
                        "firstPeriod",
                        world.universe().firstMonth().toString()));
    }

    /**
     * {@code {"now": instant}} sets the clock; {@code {"advance": "P1D"}} or {@code {"advanceSeconds": n}} moves it.
     */
    private Response setClock(Body body) {
        if (body.has("now")) {
            worlds.clock().set(Instant.parse(body.required("now")));
        } else if (body.has("advance")) {
            worlds.clock().advance(Duration.parse(body.required("advance")));
        } else if (body.has("advanceSeconds")) {
            worlds.clock().advance(Duration.ofSeconds(body.number("advanceSeconds", 0)));
        } else {
            throw ApiError.badRequest("give now, advance (ISO-8601 duration) or advanceSeconds");
        }
        return clock();
    }

    private Response config() {
        World world = worlds.current();
        ScaleOptions shape = world.universe().shape();
        return Response.json(
                200,
                Json.obj(
                        "preset",
                        world.universe().preset(),
                        "seed",
                        world.universe().seed(),
                        "customers",
                        shape.customers(),
                        "licensesPerCustomer",
                        shape.licensesPerCustomer(),
                        "licenses",
                        world.universe().licenseCount(),
                        "linesPerLicense",
                        shape.linesPerLicense(),
                        "consumptionHeaders",
                        shape.consumptionHeaders(),
                        "validationDays",
                        shape.validationDays(),
                        "historyMonths",
                        shape.historyMonths(),
                        "now",
                        worlds.clock().instant().toString(),
                        "firstPeriod",
                        world.universe().firstMonth().toString(),
                        "exportTypes",
                        Json.obj("MSP", ExportTemplates.MSP_REFERENCE, "ALT", ExportTemplates.ALT_REFERENCE),
                        "maxPerPage",
                        1000,
                        "maxExportMonths",
                        6,
                        "requestsPerSecond",
                        limiter.requestsPerSecond(),
                        "strict",
                        strictness.strict()));
    }
}
