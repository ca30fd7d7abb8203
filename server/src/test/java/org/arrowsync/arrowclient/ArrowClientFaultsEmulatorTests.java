package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every fault kind of the emulator, per family: what is retried, how often, and what is finally thrown. */
class ArrowClientFaultsEmulatorTests {

    private static final YearMonth CLOSED_MONTH = TestClock.closedMonth();

    private static final Map<String, Consumer<ArrowClient>> CALLS = Map.of(
            "whoami", ArrowClient::whoami,
            "customers", ArrowClient::customers,
            "licenses", c -> c.licenses("XSP700001"),
            "consumption", c -> c.monthlyConsumption("XSP4000001", CLOSED_MONTH, CLOSED_MONTH),
            "exports", c -> c.exportPage(ExportQuery.forPeriod(ExportTemplates.MSP_REFERENCE, CLOSED_MONTH), 1),
            "statements", c -> c.statements(StatementQuery.forPeriod(CLOSED_MONTH)),
            "catalog", c -> c.vendorNames("IAAS"));

    @RegisterExtension
    static final Emulator emulator = new Emulator();

    private final ArrowClient client = emulator.client(ClientSettings.fast());

    private void fault(String family, String kind, int count) {
        emulator.fault("{\"family\":\"" + family + "\",\"kind\":\"" + kind + "\",\"count\":" + count + "}");
    }

    @ParameterizedTest(name = "{1} on {0} twice, then success")
    @CsvSource({
        "whoami, 429", "customers, 500", "licenses, 502", "consumption, 503",
        "exports, 429", "statements, 500", "catalog, 503", "exports, 502",
    })
    void retriesTransientFailuresAndSucceeds(String family, String status) {
        fault(family, status, 2);
        CALLS.get(family).accept(client);
        assertThat(emulator.requests(family, status)).isEqualTo(2);
        assertThat(emulator.requests(family, "200")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{1} on {0} for good -> {2} after 3 attempts")
    @CsvSource({
        "whoami, 429, ArrowRateLimited", "customers, 503, ArrowUnavailable", "licenses, 500, ArrowUnavailable",
        "consumption, 502, ArrowUnavailable", "exports, 429, ArrowRateLimited", "statements, 503, ArrowUnavailable",
        "catalog, 500, ArrowUnavailable",
    })
    void givesUpAfterTheAttemptCapWithTheMatchingException(String family, String status, String type) {
        fault(family, status, 10);
        assertThatThrownBy(() -> CALLS.get(family).accept(client))
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(type))
                .hasMessageContaining("returned HTTP " + status)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(emulator.apiKey()));
        assertThat(emulator.requests(family)).isEqualTo(3);
    }

    @Test
    void makesOneAttemptWhenRetriesAreSwitchedOff() {
        ArrowClient single =
                emulator.client(ClientSettings.of(Duration.ofSeconds(5), Duration.ofMillis(10), 10_000, 1000, false));
        fault("customers", "503", 1);
        assertThatThrownBy(single::customers).isInstanceOf(ArrowUnavailable.class);
        assertThat(emulator.requests("customers")).isEqualTo(1);
    }

    @Test
    void honoursRetryAfterUpToTheCap() {
        emulator.fault("{\"family\":\"whoami\",\"kind\":\"429\",\"count\":1,\"retryAfter\":1}");
        ArrowClient patient = emulator.client(properties(Duration.ofSeconds(5), Duration.ofSeconds(3)));
        long started = System.nanoTime();
        patient.whoami();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(950));

        emulator.fault("{\"family\":\"whoami\",\"kind\":\"429\",\"count\":1,\"retryAfter\":30}");
        started = System.nanoTime();
        client.whoami();
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("Retry-After 30 s is capped")
                .isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void aSlowResponseTimesOutAndIsRetried() throws InterruptedException {
        emulator.fault("{\"family\":\"licenses\",\"kind\":\"latency\",\"latencyMs\":5000,\"count\":1}");
        ArrowClient impatient = emulator.client(properties(Duration.ofMillis(1500), Duration.ofMillis(10)));
        assertThat(impatient.licenses("XSP700001")).hasSize(6);
        emulator.awaitRequests("licenses", 2, Duration.ofSeconds(5));
        assertThat(emulator.requests("licenses")).isEqualTo(2);
    }

    @Test
    void aResponseThatStaysSlowIsUnavailable() throws InterruptedException {
        emulator.fault("{\"family\":\"whoami\",\"kind\":\"latency\",\"latencyMs\":600,\"count\":3}");
        ArrowClient impatient = emulator.client(properties(Duration.ofMillis(150), Duration.ofMillis(10)));
        assertThatThrownBy(impatient::whoami)
                .isInstanceOf(ArrowUnavailable.class)
                .hasMessage("Arrow API whoami did not answer completely within 150 ms");
        emulator.awaitRequests("whoami", 3, Duration.ofSeconds(5));
        assertThat(emulator.requests("whoami")).isEqualTo(3);
    }

    @ParameterizedTest(name = "the connection reset mid-answer on {0} twice, then success")
    @CsvSource({"whoami", "customers", "exports", "statements", "consumption", "catalog"})
    void retriesAConnectionResetMidAnswer(String family) {
        fault(family, "reset", 2);
        CALLS.get(family).accept(client);
        assertThat(emulator.requests(family)).isEqualTo(3);
    }

    @Test
    void aConnectionResetEveryTimeIsUnavailableAndSaysSo() {
        fault("exports", "reset", 10);
        assertThatThrownBy(() -> CALLS.get("exports").accept(client))
                .isInstanceOf(ArrowUnavailable.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(emulator.apiKey()));
        assertThat(emulator.requests("exports")).isEqualTo(3);
    }

    @ParameterizedTest(name = "malformed JSON on {0} is a bad response, not retried")
    @CsvSource({"whoami", "customers", "exports", "statements", "consumption", "catalog"})
    void malformedJsonIsABadResponse(String family) {
        fault(family, "malformed_json", 1);
        assertThatThrownBy(() -> CALLS.get(family).accept(client))
                .isInstanceOf(ArrowBadResponse.class)
                .hasMessageContaining("returned invalid JSON (status 200)");
        assertThat(emulator.requests(family)).isEqualTo(1);
    }

    @ParameterizedTest(name = "HTTP 200 with body status {1} on {0} -> {2}")
    @CsvSource({
        "whoami, 401, ArrowUnauthorized", "customers, 403, ArrowUnauthorized", "licenses, 404, ArrowNotFound",
        "exports, 500, ArrowBadResponse", "statements, 401, ArrowUnauthorized", "catalog, 400, ArrowBadResponse",
    })
    void anErrorBodyInAnHttp200IsTheErrorItSays(String family, int bodyStatus, String type) {
        emulator.fault("{\"family\":\"" + family + "\",\"kind\":\"error_body_200\",\"count\":1,\"bodyStatus\":"
                + bodyStatus + "}");
        assertThatThrownBy(() -> CALLS.get(family).accept(client))
                .satisfies(e -> assertThat(e.getClass().getSimpleName()).isEqualTo(type))
                .hasMessageContaining("returned HTTP 200 with body status " + bodyStatus);
        assertThat(emulator.requests(family)).isEqualTo(1);
    }

    @Test
    void aPageStillShortWhenAskedAgainIsWarnedAboutNotRefused() {
        fault("customers", "short_page", 2);
        assertThat(client.customers())
                .as("the declared last page ends the list")
                .hasSize(2);
        fault("licenses", "short_page", 2);
        assertThat(client.licenses("XSP700001")).hasSize(3);
        fault("statements", "short_page", 2);
        assertThat(client.statements(StatementQuery.forPeriod(CLOSED_MONTH))).hasSize(5);
    }

    /**
     * An API that lists other months' statements than the one asked for: they say nothing of the month asked for, and a
     * month fulfilled before must not validate this one.
     */
    @Test
    void statementsOfAnotherMonthThanAskedForAreLeftOut() {
        List<Statement> asked = client.statements(StatementQuery.forPeriod(CLOSED_MONTH));
        assertThat(asked).isNotEmpty();
        fault("statements", "month_before_too", 10);

        List<Statement> listed = client.statements(StatementQuery.forPeriod(CLOSED_MONTH));

        assertThat(listed)
                .extracting(Statement::reportPeriod)
                .containsOnly(CLOSED_MONTH)
                .hasSize(asked.size());
    }

    @Test
    void aShortPageInTheMiddleOfAnExportIsWarnedAboutAndTheExportGoesOn() {
        List<String> warnings = new ArrayList<>();
        assertThat(readExportWithPage2Short(2, warnings)).isEqualTo(2000);
        assertThat(warnings)
                .containsExactly("Arrow API billing/erp/exports/sync returned a short page 2 of 3 "
                        + "(500 items, page size 1000, total 2500)");
    }

    @Test
    void aShortPageIsAskedForAgainAndTheWholeAnswerKept() {
        List<String> warnings = new ArrayList<>();
        assertThat(readExportWithPage2Short(1, warnings)).isEqualTo(2500);
        assertThat(warnings).isEmpty();
        assertThat(emulator.requests("exports")).as("page 2 twice").isEqualTo(4);
    }

    /**
     * Reads a 2,500-row export of three pages whose page 2 comes short the next {@code times} it is asked for; returns
     * the rows read and adds the pages' warnings to {@code warnings}.
     */
    private long readExportWithPage2Short(int times, List<String> warnings) {
        emulator.preset("{\"preset\":\"scale\",\"customers\":25,\"licensesPerCustomer\":10,\"linesPerLicense\":10,"
                + "\"clock\":\"" + TestClock.now() + "\"}");
        long[] rows = {0};
        client.forEachExportPage(ExportQuery.forPeriod(ExportTemplates.MSP_REFERENCE, CLOSED_MONTH), page -> {
            if (page.page() == 1) {
                fault("exports", "short_page", times);
            }
            rows[0] += page.rows().size();
            warnings.addAll(page.warnings());
        });
        return rows[0];
    }

    /**
     * D182: a line of page 1 removed while the export is read moves page 2's first row onto page 1, already read. Page
     * 2 agrees with its own pagination, but its total is one less than page 1's: it counts as missing rows.
     */
    @Test
    void aPageWhoseTotalDiffersFromPage1sSaysRowsAreMissing() {
        List<ExportPage> pages = twoPagesWithPage2Faulted("shifted_page");

        assertThat(pages).extracting(ExportPage::shortened).containsExactly(false, true);
        assertThat(pages.get(1).rows()).hasSize(499);
        assertThat(pages.get(1).warnings())
                .containsExactly("Arrow API " + Exports.PATH + " changed while it was read: page 1 counted 1500 items,"
                        + " page 2 counts 1499 items, so rows may have moved to pages already read");
    }

    /**
     * D243: the export's sort has ties that page 2's query orders otherwise: page 2 begins with page 1's last row, and
     * a row is never listed, every count as it was. Page 2 counts as missing rows.
     */
    @Test
    void aRowListedAgainOnTheNextPageWhileTheTotalStaysSaysRowsAreMissing() {
        List<ExportPage> pages = twoPagesWithPage2Faulted("tied_rows");

        assertThat(pages).extracting(ExportPage::shortened).containsExactly(false, true);
        String lastOfPage1 = pages.get(0).rows().get(999).billingLine().reference();
        assertThat(pages.get(1).rows().get(0).billingLine().reference()).isEqualTo(lastOfPage1);
        assertThat(pages.get(1).warnings())
                .singleElement()
                .asString()
                .contains(
                        "listed line " + lastOfPage1 + " of page 1 again on page 2 while it still counted 1500 items");
    }

    /** The pages of an export of 1,500 lines, two pages, page 2 asked for under the export fault {@code kind}. */
    private List<ExportPage> twoPagesWithPage2Faulted(String kind) {
        emulator.preset("{\"preset\":\"scale\",\"customers\":15,\"licensesPerCustomer\":10,\"linesPerLicense\":10,"
                + "\"clock\":\"" + TestClock.now() + "\"}");
        List<ExportPage> pages = new ArrayList<>();
        client.forEachExportPage(ExportQuery.forPeriod(ExportTemplates.MSP_REFERENCE, CLOSED_MONTH), page -> {
            if (page.page() == 1) {
                fault("exports", kind, 1);
            }
            pages.add(page);
        });
        return pages;
    }

    @Test
    void pagingStopsAtTheCapInsteadOfLoopingForever() {
        emulator.preset("{\"preset\":\"demo\",\"customers\":250,\"licensesPerCustomer\":1}");
        ArrowClient capped =
                emulator.client(ClientSettings.of(Duration.ofSeconds(5), Duration.ofMillis(10), 10_000, 2, true));
        assertThatThrownBy(capped::customers)
                .isInstanceOf(ArrowPagingRunaway.class)
                .hasMessage("Arrow API customers kept paging past the cap of 2 pages");
        assertThat(emulator.requests("customers")).isEqualTo(2);
    }

    @Test
    void anUnreachableServerIsUnavailableAfterTheAttempts() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ArrowClient nowhere = new ArrowClients(ClientSettings.fast())
                .connect(new ArrowConnection(URI.create("http://127.0.0.1:" + port + "/index.php/api"), "secret-123"));
        assertThatThrownBy(nowhere::whoami)
                .isInstanceOf(ArrowUnavailable.class)
                .hasMessageStartingWith("Arrow API request to whoami failed: no connection could be made to the host")
                .satisfies(e -> assertThat(((ArrowException) e).status()).isZero());
    }

    @Test
    void theClientKeepsUnderItsRateLimitSharedByClientsOfTheSameConnection() {
        emulator.rateLimit(25);
        ArrowClients clients =
                new ArrowClients(ClientSettings.of(Duration.ofSeconds(5), Duration.ofMillis(10), 20, 1000, true));
        ArrowClient first = clients.connect(emulator.connection());
        ArrowClient second = clients.connect(emulator.connection());
        long started = System.nanoTime();
        for (int i = 0; i < 5; i++) {
            first.whoami();
            second.whoami();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        assertThat(emulator.requests("whoami", "429")).isZero();
        assertThat(emulator.requests("whoami", "200")).isEqualTo(10);
    }

    private static ArrowClientProperties properties(Duration readTimeout, Duration maxBackoff) {
        return ClientSettings.of(readTimeout, maxBackoff, 10_000, 1000, true);
    }
}
