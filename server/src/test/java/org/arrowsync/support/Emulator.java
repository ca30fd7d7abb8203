package org.arrowsync.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowClientProperties;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.ArrowConnection;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.BillingLineResult;
import org.arrowsync.arrowclient.ExportQuery;
import org.arrowsync.arrowclient.ExportRow;
import org.arrowsync.emulator.ArrowEmulator;
import org.arrowsync.emulator.EmulatorOptions;
import org.arrowsync.emulator.control.ControlHandler;
import org.arrowsync.emulator.http.ExportTemplates;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import tools.jackson.databind.JsonNode;

/**
 * The ArrowSphere emulator as tests drive it: in this JVM on a free port, strict (it reads each parameter only where
 * ArrowSphere's official clients send it, so the product is tested against the API as those clients show it), its clock
 * at the {@link TestClock}, and its control API ({@code /_emulator/}, see the emulator's README) over HTTP.
 *
 * <p>As a JUnit extension ({@code @RegisterExtension static final Emulator emulator = new Emulator();}) it runs once
 * per test class and is reset to the demo data before each test. {@link #serving(String, String)} drives an emulator a
 * server started itself (the demo's).
 */
public final class Emulator implements AutoCloseable, BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private URI apiUrl;
    private String apiKey;
    private URI controlUrl;
    /** The emulator this client started, stopped with it; {@code null} for one a server started. */
    private ArrowEmulator running;

    /** A JUnit extension: started before the test class, reset to {@link #options()} before each test. */
    public Emulator() {}

    private Emulator(URI apiUrl, String apiKey, URI controlUrl, ArrowEmulator running) {
        this.apiUrl = apiUrl;
        this.apiKey = apiKey;
        this.controlUrl = controlUrl;
        this.running = running;
    }

    private static Emulator of(ArrowEmulator running) {
        return new Emulator(running.apiBaseUrl(), running.apiKey(), running.controlUrl(), running);
    }

    /** The emulator serving this API URL, started by someone else (the demo server): closing it leaves it running. */
    public static Emulator serving(String apiUrl, String apiKey) {
        URI api = URI.create(apiUrl);
        return new Emulator(api, apiKey, api.resolve(ControlHandler.BASE), null);
    }

    /**
     * Demo data at the test clock, strict, under a key of its own: the tests share one database, and an emulator may
     * get the port an earlier one had, whose settings would then be records of the same Arrow account (D98, D123). Its
     * partner is its own too ({@link #start(EmulatorOptions)}), as the partner names the account as well (D163).
     */
    public static EmulatorOptions options() {
        return EmulatorOptions.demo()
                .withClock(TestClock.now())
                .withStrict(true)
                .withApiKey("test-key-" + UUID.randomUUID());
    }

    public static Emulator start() {
        return start(options());
    }

    public static Emulator start(EmulatorOptions options) {
        Emulator started = of(ArrowEmulator.start(options));
        started.control(
                "POST",
                "partner",
                "{\"reference\":\"XSP" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 10_000_000_000L) + "\"}");
        return started;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        Emulator started = start();
        apiUrl = started.apiUrl;
        apiKey = started.apiKey;
        controlUrl = started.controlUrl;
        running = started.running;
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    public String apiUrl() {
        return apiUrl.toString();
    }

    public String apiKey() {
        return apiKey;
    }

    public ArrowConnection connection() {
        return new ArrowConnection(apiUrl, apiKey);
    }

    /** A client of this emulator, for a test's own look at what Arrow serves. */
    public ArrowClient client() {
        return client(ArrowClientProperties.defaults());
    }

    /** A client of this emulator with these settings; plain http allowed to it (it listens on loopback). */
    public ArrowClient client(ArrowClientProperties properties) {
        ArrowClients clients = new ArrowClients(properties);
        clients.allowPlainHttpTo(apiUrl);
        return clients.connect(connection());
    }

    /** Demo data, strict, at the test clock; no faults, no rate limit, zeroed counters. */
    public void reset() {
        preset("{\"preset\":\"demo\",\"strict\":true,\"clock\":\"" + TestClock.now() + "\"}");
        rateLimit(0);
    }

    /** Loads a preset, e.g. {@code {"preset":"demo","customers":250}}; faults and counters start empty. */
    public void preset(String body) {
        control("POST", "preset", body);
    }

    /** Moves the emulator's clock (the server's stays where it is). */
    public void setClock(Instant now) {
        control("POST", "clock", "{\"now\":\"" + now + "\"}");
    }

    /** e.g. {@code {"family":"customers","kind":"500","count":5}}; see the emulator's README. */
    public void fault(String body) {
        control("POST", "faults", body);
    }

    public void clearFaults() {
        control("DELETE", "faults", null);
    }

    public void rateLimit(double requestsPerSecond) {
        control("POST", "rate-limit", "{\"requestsPerSecond\":" + requestsPerSecond + "}");
    }

    /** Arrow corrects a line's sell total (a decimal string). */
    public void changeSell(String lineReference, String sell) {
        control("POST", "lines/" + lineReference, "{\"sell\":\"" + sell + "\"}");
    }

    /** Arrow corrects a line's sell and buy totals (decimal strings). */
    public void changeAmounts(String lineReference, String sell, String buy) {
        control("POST", "lines/" + lineReference, "{\"sell\":\"" + sell + "\",\"buy\":\"" + buy + "\"}");
    }

    /** The line's amount cells become unreadable in exports (or readable again). */
    public void garble(String lineReference, boolean garbled) {
        control("POST", "lines/" + lineReference, "{\"garbled\":" + garbled + "}");
    }

    /** Arrow lists a line a second time, after the other lines of its month (a later page). */
    public void repeatLine(String lineReference) {
        control("POST", "lines/" + lineReference, "{\"repeated\":true}");
    }

    /** Arrow adds a line to a license's month (a late adjustment); returns its Sequence. */
    public String addLine(String licenseReference, YearMonth period, String sell, String buy) {
        return control(
                        "POST",
                        "lines",
                        "{\"licenseRef\":\"" + licenseReference + "\",\"period\":\"" + period + "\",\"sell\":\"" + sell
                                + "\",\"buy\":\"" + buy + "\"}")
                .get("sequence")
                .asString();
    }

    /** Arrow drops a line from its export. */
    public void removeLine(String lineReference) {
        control("DELETE", "lines/" + lineReference, null);
    }

    /** Arrow lists a line it dropped again, as it was. */
    public void restoreLine(String lineReference) {
        control("POST", "lines/" + lineReference, "{\"restored\":true}");
    }

    /** Arrow lists a line under another license of its customer from now on. */
    public void moveLine(String lineReference, String licenseReference) {
        control("POST", "lines/" + lineReference, "{\"licenseRef\":\"" + licenseReference + "\"}");
    }

    public void renameCustomer(String reference, String companyName) {
        control("POST", "customers/" + reference, "{\"companyName\":\"" + companyName + "\"}");
    }

    /** The partner rotates its API key: Arrow accepts only this one from now on, and this client sends it. */
    public void rotateKey(String next) {
        control("POST", "api-key", "{\"apiKey\":\"" + next + "\"}");
        apiKey = next;
    }

    /** Arrow bills the customer in another currency (an ISO 4217 code), every month, its amounts the same numbers. */
    public void billCustomerIn(String reference, String currency) {
        control("POST", "customers/" + reference, "{\"currency\":\"" + currency + "\"}");
    }

    public void renameLicense(String reference, String friendlyName) {
        control("POST", "licenses/" + reference, "{\"friendlyName\":\"" + friendlyName + "\"}");
    }

    /**
     * The ground truth of a month's export: sell and buy totals, per customer reference too
     * ({@code customers.XSP700001.sell}, {@code .lines}, {@code .companyName}).
     */
    public JsonNode summary(YearMonth period) {
        return control("GET", "summary?period=" + period, null);
    }

    /** How many API requests reached the emulator, of every family and outcome (a wrong key included). */
    public long requests() {
        long total = 0;
        for (JsonNode family : stats()) {
            total += family.path("requests").asLong();
        }
        return total;
    }

    /** Requests the emulator answered per family ({@code customers}, {@code exports}, …) and status. */
    public JsonNode stats() {
        return control("GET", "stats", null);
    }

    public void resetStats() {
        control("DELETE", "stats", null);
    }

    /** Requests of a family the emulator answered with a status ({@code "200"}) or at all ({@code "requests"}). */
    public long requests(String family, String statusOrRequests) {
        JsonNode count = stats().path(family).path(statusOrRequests);
        return count.isMissingNode() ? 0 : count.asLong();
    }

    public long requests(String family) {
        return requests(family, "requests");
    }

    /**
     * Waits until the emulator has answered {@code count} requests of a family: a request a client gave up on (a
     * timeout) is still being served, and must not count in what comes next.
     */
    public void awaitRequests(String family, long count, Duration patience) {
        await(count + " " + family + " requests")
                .atMost(patience)
                .pollInterval(Duration.ofMillis(50))
                .until(() -> requests(family) >= count);
    }

    /** The export's lines of a month (standard template), each with its Sequence as reference. */
    public List<BillingLine> exportLines(YearMonth period) {
        List<BillingLine> lines = new ArrayList<>();
        client().forEachExportPage(
                        ExportQuery.forPeriod(ExportTemplates.ALT_REFERENCE, period),
                        page -> page.rows().stream()
                                .map(ExportRow::billingLine)
                                .filter(BillingLineResult::isValid)
                                .forEach(result -> lines.add(result.line())));
        return lines;
    }

    /** The export's lines of a license and month. */
    public List<BillingLine> lines(String licenseReference, YearMonth period) {
        return exportLines(period).stream()
                .filter(line -> licenseReference.equals(line.licenseReference()))
                .toList();
    }

    /** The export's sell totals of a month, by license. */
    public Map<String, BigDecimal> sellByLicense(YearMonth period) {
        Map<String, BigDecimal> totals = new HashMap<>();
        exportLines(period).forEach(line -> totals.merge(line.licenseReference(), line.sellTotal(), BigDecimal::add));
        return totals;
    }

    /** Arrow corrects the license's first export line of the month by {@code change} (sell total). */
    public void correctSell(String licenseReference, YearMonth period, BigDecimal change) {
        BillingLine line = lines(licenseReference, period).get(0);
        changeSell(line.lineReference(), line.sellTotal().add(change).toPlainString());
    }

    private JsonNode control(String method, String path, String body) {
        HttpRequest request = HttpRequest.newBuilder(controlUrl.resolve(path))
                .header("Content-Type", "application/json")
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("emulator control " + method + " " + path + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return Api.parse(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("emulator control " + method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        if (running != null) {
            running.close();
        }
    }
}
