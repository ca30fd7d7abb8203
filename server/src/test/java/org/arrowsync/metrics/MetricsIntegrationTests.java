package org.arrowsync.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrowsync.emulator.EmulatorOptions;
import org.arrowsync.support.Api;
import org.arrowsync.support.DemoServer;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * A demo server, its Arrow customers mapped but one, syncs a closed month's billing (through one 429 from Arrow): then
 * {@code /metrics} holds what happened, to the job's own counts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class MetricsIntegrationTests {

    private static final String METRICS_TOKEN = "scrape-" + UUID.randomUUID();
    private static final Path OBSERVABILITY = Path.of("../docs/observability");
    private static final Pattern METRIC = Pattern.compile("\\barrowsync_[a-z0-9_]+");

    @TempDir
    static Path dataFolder;

    private DemoServer demo;
    private int port;
    private Api api;
    private String settings;
    private YearMonth month;
    private JsonNode job;
    private Scrape beforeSync;

    @BeforeAll
    void demoSync() throws Exception {
        demo = DemoServer.start(dataFolder, "--arrowsync.metrics.token=" + METRICS_TOKEN);
        port = demo.port();
        api = demo.api();
        settings = demo.activeSettings().get("uuid").asString();
        JsonNode suggestions = demo.suggestions();
        for (int i = 1; i < suggestions.size(); i++) { // the first Arrow customer stays unmapped
            demo.accept(suggestions.get(i));
        }
        beforeSync = scrape();
        demo.emulator().fault("{\"family\":\"exports\",\"kind\":\"429\",\"retryAfter\":0,\"count\":1}");
        month = TestClock.closedMonth();
        String queued = api.post(
                        "/api/admin/arrow/billing-syncs/trigger_sync/",
                        Map.of("year", month.getYear(), "month", month.getMonthValue()))
                .expect(202)
                .text("uuid");
        job = Jobs.await(api, queued);
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
    }

    @AfterAll
    void stop() {
        demo.close();
    }

    @Test
    void scrapingNeedsTheMetricsTokenAndNoUserToken() throws Exception {
        assertThat(get(null).statusCode()).isEqualTo(401);
        assertThat(get("Token " + Api.ADMIN_TOKEN).statusCode()).isEqualTo(401);
        assertThat(get("Bearer wrong").statusCode()).isEqualTo(401);
        HttpResponse<String> scraped = get("Bearer " + METRICS_TOKEN);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("text/plain")
                .contains("version=0.0.4");
    }

    @Test
    void afterASyncTheMetricsHoldTheJobsCounts() throws Exception {
        Scrape scrape = scrape();
        JsonNode counts = job.get("progress");
        long synced = counts.get("lines_synced").asLong();
        long unmatched = counts.get("unmatched_lines").asLong();
        assertThat(synced).isPositive();
        assertThat(unmatched).isPositive();
        assertThat(scrape.value("arrowsync_billing_lines_total", "settings", settings, "outcome", "synced"))
                .isEqualTo(synced);
        assertThat(scrape.value("arrowsync_billing_lines_total", "settings", settings, "outcome", "unmatched"))
                .isEqualTo(unmatched);
        assertThat(scrape.value("arrowsync_billing_lines_total", "settings", settings, "outcome", "rejected"))
                .isEqualTo(counts.path("invalid_lines").asLong(0));

        BigDecimal unmatchedAmount = BigDecimal.ZERO;
        for (JsonNode customer : job.get("result").get("unmatched")) {
            unmatchedAmount =
                    unmatchedAmount.add(new BigDecimal(customer.get("amount").asString()));
        }
        assertThat(unmatchedAmount).isPositive();
        assertThat(scrape.value(
                        "arrowsync_billing_unmatched_amount",
                        "settings",
                        settings,
                        "period",
                        month.toString(),
                        "currency",
                        "EUR"))
                .isCloseTo(unmatchedAmount.doubleValue(), within(0.005));

        BigDecimal sold = BigDecimal.ZERO;
        for (JsonNode sync : api.get("/api/admin/arrow/billing-syncs/?report_period=" + month + "&page_size=300")
                .expect(200)
                .json()) {
            sold = sold.add(new BigDecimal(sync.get("sell_total").asString()));
        }
        assertThat(scrape.value(
                        "arrowsync_billed_amount", "settings", settings, "period", month.toString(), "currency", "EUR"))
                .as("the demo bills every line at its sell price")
                .isCloseTo(sold.doubleValue(), within(0.005));

        long pages = counts.get("pages").asLong();
        assertThat(scrape.value("arrowsync_arrow_requests_total", "family", "billing_exports", "outcome", "success")
                        - beforeSync.value(
                                "arrowsync_arrow_requests_total", "family", "billing_exports", "outcome", "success"))
                .as("one request per export page the job read")
                .isEqualTo(pages);
        assertThat(scrape.value("arrowsync_arrow_requests_total", "family", "billing_exports", "status", "429"))
                .isEqualTo(1);
        assertThat(scrape.value("arrowsync_arrow_rate_limited_total", "family", "billing_exports"))
                .isEqualTo(1);
        assertThat(scrape.value("arrowsync_arrow_retries_total", "family", "billing_exports"))
                .isEqualTo(1);
        assertThat(scrape.value("arrowsync_arrow_request_duration_seconds_count", "family", "billing_exports")
                        - beforeSync.value(
                                "arrowsync_arrow_request_duration_seconds_count", "family", "billing_exports"))
                .isEqualTo(pages + 1);
        assertThat(scrape.value("arrowsync_arrow_rate_limiter_wait_seconds_count"))
                .isPositive();

        assertThat(scrape.value("arrowsync_jobs", "kind", "billing_sync", "state", "succeeded"))
                .isEqualTo(1);
        assertThat(scrape.value("arrowsync_job_run_seconds_count", "kind", "billing_sync", "state", "succeeded"))
                .isEqualTo(1);
        assertThat(scrape.value("arrowsync_job_queue_wait_seconds_count", "kind", "billing_sync"))
                .isEqualTo(1);
        assertThat(scrape.value("arrowsync_job_run_seconds_count", "kind", "billing_reconciliation", "state", "failed"))
                .as("D255: every kind's series from the start, so that its first failure is an increase")
                .isZero();
        assertThat(scrape.value(
                        "arrowsync_last_success_timestamp_seconds", "settings", settings, "kind", "billing_sync"))
                .isEqualTo(Instant.parse(job.get("finished").asString()).getEpochSecond());
        assertThat(scrape.value("arrowsync_jobs_queue_lag_seconds")).isZero();
        assertThat(scrape.value("arrowsync_arrow_reachable", "settings", settings))
                .isEqualTo(1);
        assertThat(scrape.has("arrowsync_consumption_records_pending")).isTrue();
        assertThat(scrape.value("arrowsync_consumption_records_pending")).isZero();

        assertThat(scrape.samples())
                .as("every series is named arrowsync_…, the JVM's and the HTTP server's included")
                .allSatisfy(sample -> assertThat(sample.name()).startsWith("arrowsync_"));
        assertThat(scrape.has("arrowsync_jvm_memory_used_bytes")).isTrue();
    }

    @Test
    void everyMetricTheAlertRulesAndTheDashboardNameIsExported() throws Exception {
        List<String> expressions = new ArrayList<>();
        Map<String, Object> rules = new Yaml().load(Files.readString(OBSERVABILITY.resolve("alerts.yml")));
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                expressions.add(((Map<?, ?>) rule).get("expr").toString());
            }
        }
        assertThat(expressions).hasSizeGreaterThanOrEqualTo(5);
        JsonNode dashboard = Api.parse(Files.readString(OBSERVABILITY.resolve("grafana-dashboard.json")));
        for (JsonNode panel : dashboard.get("panels")) {
            for (JsonNode target : panel.get("targets")) {
                expressions.add(target.get("expr").asString());
            }
        }
        Set<String> named = new TreeSet<>();
        for (String expression : expressions) {
            Matcher metric = METRIC.matcher(expression);
            while (metric.find()) {
                named.add(metric.group());
            }
        }
        assertThat(named).hasSizeGreaterThanOrEqualTo(15);
        Scrape scrape = scrape();
        assertThat(named)
                .allSatisfy(name ->
                        assertThat(scrape.has(name)).as(name + " is exported").isTrue());
    }

    /**
     * D255: the figures that belong to the database read the same on every server (D41), the month's unmatched amount
     * too: it is stored with its run, and a second server (or this one restarted) reports it as the server that ran the
     * sync does.
     */
    @Test
    void aSecondServerOnTheSameDatabaseReportsTheSameUnmatchedAmount(@TempDir Path secondFolder) throws Exception {
        Scrape first = scrape();
        List<String> arguments = new ArrayList<>(demo.sharingItsDatabase());
        arguments.add("--arrowsync.metrics.token=" + METRICS_TOKEN);
        try (DemoServer other = DemoServer.start(secondFolder, arguments.toArray(String[]::new))) {
            int firstPort = port;
            port = other.port();
            Scrape second;
            try {
                second = scrape();
            } finally {
                port = firstPort;
            }
            String[] labels = {"settings", settings, "period", month.toString(), "currency", "EUR"};
            assertThat(second.value("arrowsync_billed_amount", labels))
                    .as("a figure read from the database: the same on both")
                    .isEqualTo(first.value("arrowsync_billed_amount", labels));
            assertThat(first.value("arrowsync_billing_unmatched_amount", labels))
                    .isPositive();
            assertThat(second.value("arrowsync_billing_unmatched_amount", labels))
                    .as(
                            "the month's unmatched amount, stored in billing_unmatched_lines, as the second server reports it")
                    .isEqualTo(first.value("arrowsync_billing_unmatched_amount", labels));
        }
    }

    /** D255: a record no longer in use (D123) raises no "no successful sync" alarm as time passes. */
    @Test
    void aRecordNoLongerInUseHasNoLastSuccessToAgeIntoAnAlarm() throws Exception {
        assertThat(scrape().matching("arrowsync_last_success_timestamp_seconds", "settings", settings))
                .isNotEmpty();
        JsonNode record = demo.activeSettings();
        Map<String, Boolean> inUse = Map.of(
                "is_active", record.get("is_active").asBoolean(),
                "sync_enabled", record.get("sync_enabled").asBoolean());
        api.patch("/api/admin/arrow/settings/" + settings + "/", Map.of("is_active", false, "sync_enabled", false))
                .expect(200);
        try {
            assertThat(scrape().matching("arrowsync_last_success_timestamp_seconds", "settings", settings))
                    .isEmpty();
        } finally {
            api.patch("/api/admin/arrow/settings/" + settings + "/", inUse).expect(200);
        }
    }

    @Test
    void healthDetailsShowTheActiveSettingsArrowAnswering() {
        JsonNode details = api.get("/health/details").expect(200).json();
        assertThat(details.get("status").asString()).isEqualTo("UP");
        JsonNode arrow = details.get("arrow").get(0);
        assertThat(arrow.get("settings_uuid").asString()).isEqualTo(settings);
        assertThat(arrow.get("reachable").asBoolean()).isTrue();
        assertThat(arrow.get("last_success").isNull()).isFalse();
        assertThat(details.get("job_queue").get("failing").size()).isZero();
    }

    /**
     * A key mistyped into the setup wizard for the settings' URL is not the settings' failure (it was shown as one).
     */
    @Test
    void aKeyMistypedInTheSetupWizardLeavesTheSettingsHealthAlone() {
        String before = lastFailure();
        api.post(
                "/api/admin/arrow/settings/validate_credentials/",
                Map.of("api_url", demo.activeSettings().get("api_url").asString(), "api_key", "mistyped-key-123"));

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(5))
                .until(() -> lastFailure().equals(before));
    }

    private String lastFailure() {
        return api.get("/health/details")
                .expect(200)
                .json()
                .get("arrow")
                .get(0)
                .get("last_failure")
                .toString();
    }

    @Test
    void noSecretReachesTheMetricsOrTheLog(CapturedOutput output) throws Exception {
        String scraped = get("Bearer " + METRICS_TOKEN).body();
        for (String secret : List.of(EmulatorOptions.DEMO_API_KEY, Api.ADMIN_TOKEN, METRICS_TOKEN)) {
            assertThat(scraped).doesNotContain(secret);
            assertThat(output.getAll()).doesNotContain(secret);
        }
    }

    private Scrape scrape() throws IOException, InterruptedException {
        HttpResponse<String> scraped = get("Bearer " + METRICS_TOKEN);
        assertThat(scraped.statusCode()).isEqualTo(200);
        return Scrape.parse(scraped.body());
    }

    private HttpResponse<String> get(String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
