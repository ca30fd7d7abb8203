package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.arrowsync.emulator.ArrowEmulator;
import org.arrowsync.emulator.EmulatorOptions;
import org.arrowsync.emulator.data.ScaleOptions;
import org.arrowsync.support.Api;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.ServerProcess;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A server killed hard in the middle of a billing sync: nothing of the month is half-written, and the restarted server
 * revives the job and leaves the ledger a clean run leaves: every line once, every customer to the cent.
 */
class BillingCrashIntegrationTests {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @TempDir
    Path folder;

    @Test
    void aSyncKilledMidwayEndsLikeACleanRunAfterRestart() throws Exception {
        ScaleOptions scale =
                ScaleOptions.demo().withCustomers(10).withLicensesPerCustomer(5).withLinesPerLicense(50);
        try (ArrowEmulator emulator = ArrowEmulator.start(EmulatorOptions.scalePreset()
                .withScale(scale)
                .withClock(ArrowFixture.NOW)
                .withStrict(true))) {
            org.arrowsync.support.Control control = ArrowFixture.control(emulator);
            ServerProcess first = ServerProcess.start(folder, "first");
            String job;
            Map<String, String> customers;
            try {
                Api api = first.api();
                String settings = api.post(
                                "/api/admin/arrow/settings/",
                                Map.of(
                                        "api_url",
                                        emulator.apiBaseUrl().toString(),
                                        "api_key",
                                        emulator.apiKey(),
                                        "export_type_reference",
                                        ArrowFixture.ALT_TEMPLATE,
                                        "is_active",
                                        true))
                        .expect(201)
                        .text("uuid");
                customers = mapEveryCustomer(api, control, settings);
                control.call(
                        "POST",
                        "faults",
                        "{\"family\":\"exports\",\"kind\":\"latency\",\"latencyMs\":1500,\"probability\":1.0}");
                job = api.post(
                                "/api/admin/arrow/billing-syncs/trigger_sync/",
                                Map.of("year", 2026, "month", 10, "settings_uuid", settings))
                        .expect(202)
                        .text("uuid");
                awaitExportCalls(control, 2);
            } finally {
                first.kill();
            }
            assertThat(first.jdbc()
                            .sql("select count(*) from billing_sync_items")
                            .query(Long.class)
                            .single())
                    .as("a killed run leaves no half-written month")
                    .isZero();
            control.call("DELETE", "faults", null);

            ServerProcess second = ServerProcess.start(folder, "second");
            try {
                JsonNode finished = awaitJob(second.api(), job);
                assertThat(finished.get("state").asString())
                        .as(finished.toString())
                        .isEqualTo("succeeded");
                assertThat(finished.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
                JdbcClient jdbc = second.jdbc();
                JsonNode summary = control.summary(OCTOBER).get("customers");
                long lines = 0;
                for (Map.Entry<String, String> customer : customers.entrySet()) {
                    lines += summary.get(customer.getKey()).get("lines").asLong();
                    BigDecimal billed = jdbc.sql("""
                                    select coalesce(sum(it.unit_price * it.quantity), 0) from invoice_items it join invoices i on i.id = it.invoice_id
                                    join customers c on c.id = i.customer_id where c.uuid = ?::uuid""")
                            .param(customer.getValue())
                            .query(BigDecimal.class)
                            .single();
                    assertThat(billed)
                            .isEqualByComparingTo(new BigDecimal(
                                    summary.get(customer.getKey()).get("sell").asString()));
                }
                assertThat(jdbc.sql("select count(*) from billing_sync_items")
                                .query(Long.class)
                                .single())
                        .isEqualTo(lines);
            } finally {
                second.kill();
            }
        }
    }

    private static Map<String, String> mapEveryCustomer(
            Api api, org.arrowsync.support.Control control, String settings) {
        Map<String, String> customers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry :
                control.summary(OCTOBER).get("customers").properties()) {
            String name = entry.getValue().get("companyName").asString();
            String customer = api.post("/api/customers/", Map.of("name", name))
                    .expect(201)
                    .text("uuid");
            api.post(
                            "/api/admin/arrow/customer-mappings/",
                            Map.of(
                                    "settings",
                                    settings,
                                    "arrow_reference",
                                    entry.getKey(),
                                    "arrow_company_name",
                                    name,
                                    "waldur_customer",
                                    customer))
                    .expect(201);
            customers.put(entry.getKey(), customer);
        }
        return customers;
    }

    private static void awaitExportCalls(org.arrowsync.support.Control control, int calls) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode exports = control.call("GET", "stats", null).path("exports");
            if (exports.path("requests").asInt() >= calls) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the sync never reached its second page");
    }

    private static JsonNode awaitJob(Api api, String uuid) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            JsonNode job =
                    api.get("/api/admin/arrow/jobs/" + uuid + "/").expect(200).json();
            if (job.get("state").asString().equals("succeeded")
                    || job.get("state").asString().equals("failed")) {
                return job;
            }
            Thread.sleep(250);
        }
        throw new AssertionError("job " + uuid + " did not finish after the restart");
    }
}
