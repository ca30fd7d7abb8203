package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.contract.Contract;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.Response;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The consumption run, finalisation against the export and the one-charge invariant (D2), against the emulator's demo
 * data.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsumptionSyncIntegrationTests extends IntegrationTest {

    private static final String BASE = "/api/admin/arrow/billing-syncs/";
    private static final String RECORDS = "/api/admin/arrow/consumption-records/";
    private static final YearMonth CLOSED = TestClock.closedMonth();
    private static final YearMonth CURRENT = TestClock.currentMonth();

    @RegisterExtension
    static final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void trackTwoCustomers() {
        fixture.trackedResources(2);
    }

    @Test
    @Order(1)
    void syncsAClosedMonthWithOneProvisionalItemPerMeteredLicense() {
        JsonNode job = fixture.syncConsumption(CLOSED);
        assertThat(job.get("state").asString()).isEqualTo("succeeded");
        JsonNode result = job.get("result");
        assertThat(result.get("error_count").asInt()).isZero();
        assertThat(result.get("synced").asInt()).isEqualTo(8);
        assertThat(result.get("no_data").asInt()).isEqualTo(4);

        Response list = api.get(RECORDS + "?billing_period=" + CLOSED.atDay(1) + "&customer_uuid="
                        + fixture.customers().values().iterator().next())
                .expect(200);
        Contract.assertMatches(list);
        assertThat(list.header("X-Result-Count")).isEqualTo("4");
        JsonNode record = list.json().get(0);
        assertThat(record.get("is_finalized").asBoolean()).isFalse();
        assertThat(record.get("invoice_item_uuid").isNull()).isFalse();
        JsonNode item = api.get(
                        "/api/invoice-items/" + record.get("invoice_item_uuid").asString() + "/")
                .expect(200)
                .json();
        assertThat(item.get("name").asString()).startsWith("Arrow consumption: License ");
        assertThat(item.get("details").get("source").asString()).isEqualTo("arrow_consumption");
        assertThat(item.get("start").asString()).isEqualTo(CLOSED.atDay(1).toString());
        assertThat(item.get("end").asString()).isEqualTo(CLOSED.atEndOfMonth().toString());
        assertThat(new BigDecimal(item.get("unit_price").asString()))
                .isEqualByComparingTo(new BigDecimal(record.get("consumed_sell").asString()));
        Contract.assertMatches(
                api.get(RECORDS + record.get("uuid").asString() + "/").expect(200));
    }

    @Test
    @Order(2)
    void finalisationCompensatesExportCorrectionsAndKeepsOneChargePerLicenseMonth() {
        List<String> metered = fixture.licensedResources().keySet().stream()
                .filter(license -> fixture.emulator().lines(license, CLOSED).size() >= 2)
                .limit(2)
                .toList();
        fixture.emulator().correctSell(metered.get(0), CLOSED, new BigDecimal("12.5"));
        BillingLine removed = fixture.emulator().lines(metered.get(1), CLOSED).get(0);
        fixture.emulator().removeLine(removed.lineReference());

        JsonNode result =
                fixture.run("trigger_reconciliation", fixture.period(CLOSED)).get("result");
        assertThat(result.get("status").asString()).isEqualTo("ok");
        assertThat(result.get("finalized").asInt()).isEqualTo(8);
        assertThat(result.get("compensation_items_created").asInt()).isEqualTo(2);
        assertOneChargePerLicense(CLOSED);

        JsonNode again = fixture.finaliseConsumption(CLOSED, true).get("result");
        assertThat(again.get("compensation_items_created").asInt()).isZero();
        assertOneChargePerLicense(CLOSED);

        JsonNode record = api.get(
                        RECORDS + "?license_reference=" + metered.get(0) + "&billing_period=" + CLOSED.atDay(1))
                .expect(200)
                .json()
                .get(0);
        assertThat(record.get("is_reconciled").asBoolean()).isTrue();
        assertThat(record.get("adjustment_amount").asString()).isEqualTo("12.50");
        JsonNode compensation = api.get("/api/invoice-items/"
                        + record.get("compensation_item_uuid").asString() + "/")
                .expect(200)
                .json();
        assertThat(compensation.get("name").asString())
                .contains("adjustment:")
                .contains("(additional charge for " + CLOSED.atDay(1) + ")");
        assertThat(compensation.get("details").get("original_period").asString())
                .isEqualTo(CLOSED.atDay(1).toString());
        assertThat(compensation.get("start").asString())
                .isEqualTo(CLOSED.atDay(1).toString());
        JsonNode provisional = api.get(
                        "/api/invoice-items/" + record.get("invoice_item_uuid").asString() + "/")
                .expect(200)
                .json();
        assertThat(provisional.get("details").get("source").asString()).isEqualTo("arrow_finalized");
    }

    @Test
    @Order(3)
    void theHourlySyncNeverOverwritesFinalisedRecords() {
        JsonNode result = fixture.syncConsumption(CLOSED).get("result");
        assertThat(result.get("skipped_finalized").asInt()).isEqualTo(8);
        assertThat(result.get("synced").asInt()).isZero();
        assertOneChargePerLicense(CLOSED);
    }

    @Test
    @Order(4)
    void aCompensationForAClosedInvoiceGoesToTheCurrentOpenInvoice() {
        String license = fixture.licensedResources().keySet().stream()
                .filter(l -> fixture.emulator().lines(l, CLOSED).size() >= 2)
                .skip(2)
                .findFirst()
                .orElseThrow();
        String customer = fixture.customerOf(license);
        fixture.closeInvoice(customer, CLOSED);
        fixture.emulator().correctSell(license, CLOSED, new BigDecimal("-3"));

        // not forced: the finalised license-month whose lines Arrow changed is finalised again (D109), the others not
        JsonNode run = fixture.run("trigger_reconciliation", fixture.period(CLOSED));
        JsonNode result = run.get("result");
        assertThat(run.get("progress").get("records").asInt())
                .as(run.toString())
                .isEqualTo(1);
        assertThat(result.get("compensation_items_created").asInt()).isEqualTo(1);
        assertThat(fixture.run("trigger_reconciliation", fixture.period(CLOSED))
                        .get("result")
                        .get("compensation_items_created")
                        .asInt())
                .as("booked once")
                .isZero();
        JsonNode record = api.get(RECORDS + "?license_reference=" + license + "&billing_period=" + CLOSED.atDay(1))
                .expect(200)
                .json()
                .get(0);
        JsonNode compensation = api.get("/api/invoice-items/"
                        + record.get("compensation_item_uuid").asString() + "/")
                .expect(200)
                .json();
        JsonNode target = api.get(
                        "/api/invoices/" + compensation.get("invoice_uuid").asString() + "/")
                .expect(200)
                .json();
        assertThat(target.get("month").asInt()).isEqualTo(CURRENT.getMonthValue());
        assertThat(compensation.get("name").asString()).contains("(credit for " + CLOSED.atDay(1) + ")");
        assertThat(compensation.get("details").get("original_period").asString())
                .isEqualTo(CLOSED.atDay(1).toString());
        assertThat(compensation.get("end").asString())
                .isEqualTo(CLOSED.atEndOfMonth().toString());
        assertOneChargePerLicense(CLOSED);
    }

    @Test
    @Order(5)
    void aLicenseTheBillingSyncOwnsGetsARecordButNoInvoiceItem() {
        String license = fixture.meteredLicense(CURRENT);
        jdbc.sql(
                        "insert into license_billing (license_reference, period, billed_by) values (?, ?, 'billing') on conflict do nothing")
                .params(license, CURRENT.toString())
                .update();
        Map<String, Object> body = fixture.period(CURRENT);
        body.put("resource_uuid", fixture.licensedResources().get(license));
        JsonNode result = fixture.run("trigger_consumption_sync", body).get("result");
        assertThat(result.get("billed_by_billing_sync").asInt()).isEqualTo(1);
        JsonNode record = api.get(RECORDS + "?resource_uuid="
                        + fixture.licensedResources().get(license))
                .expect(200)
                .json()
                .get(0);
        assertThat(record.get("billing_period").asString())
                .isEqualTo(CURRENT.atDay(1).toString());
        assertThat(record.get("invoice_item_uuid").isNull()).isTrue();
    }

    @Test
    @Order(6)
    void resourceUuidLimitsTheRunToThatResource() {
        String license = fixture.licensedResources().keySet().stream()
                .filter(l -> !l.equals(fixture.meteredLicense(CURRENT)))
                .filter(l -> fixture.emulator()
                                .client()
                                .monthlyConsumption(l, CURRENT, CURRENT)
                                .lines()
                                .size()
                        > 0)
                .findFirst()
                .orElseThrow();
        Map<String, Object> body = fixture.period(CURRENT);
        body.put("resource_uuid", fixture.licensedResources().get(license));
        JsonNode result = fixture.run("trigger_consumption_sync", body).get("result");
        assertThat(result.get("synced").asInt()).isEqualTo(1);
        long current = fixture.customers().values().stream()
                .mapToLong(customer -> Long.parseLong(
                        api.get(RECORDS + "?billing_period=" + CURRENT.atDay(1) + "&customer_uuid=" + customer)
                                .expect(200)
                                .header("X-Result-Count")))
                .sum();
        assertThat(current)
                .as("the billing-owned record of the previous test and this one")
                .isEqualTo(2);
    }

    @Test
    @Order(7)
    void rateLimitedCallsAreRetriedWithoutLosingARecordAndOneFailingLicenseDoesNotStopTheRun() {
        String customer = fixture.customers().values().iterator().next();
        String project = api.get("/api/projects/?customer_uuid=" + customer)
                .expect(200)
                .json()
                .get(0)
                .get("uuid")
                .asString();
        String offering = api.get("/api/marketplace-resources/"
                        + fixture.licensedResources().values().iterator().next() + "/")
                .expect(200)
                .json()
                .get("offering_uuid")
                .asString();
        fixture.licensedResource(project, offering, "XSP-NO-SUCH-LICENSE");
        fixture.emulator().fault("{\"family\":\"consumption\",\"kind\":\"429\",\"retryAfter\":1,\"count\":3}");

        JsonNode job = fixture.syncConsumption(CURRENT);
        JsonNode result = job.get("result");
        assertThat(result.get("error_count").asInt()).isEqualTo(1);
        assertThat(result.get("errors").get(0).get("license_reference").asString())
                .isEqualTo("XSP-NO-SUCH-LICENSE");
        assertThat(result.get("synced").asInt()).isEqualTo(7);
        assertThat(result.get("billed_by_billing_sync").asInt()).isEqualTo(1);
        assertThat(job.get("errors").get(0).asString()).contains("XSP-NO-SUCH-LICENSE");
        assertThat(fixture.emulator().stats().get("consumption").get("429").asInt())
                .isEqualTo(3);
        assertThat(api.get(RECORDS + "?billing_period=" + CURRENT.atDay(1) + "&is_finalized=false" + "&customer_uuid="
                                + customer)
                        .expect(200)
                        .header("X-Result-Count"))
                .isEqualTo("4");
    }

    @Test
    @Order(8)
    void aConsumptionWriteWaitsForARunningBillingSyncOfItsMonth() throws Exception {
        String license = fixture.meteredLicense(CURRENT);
        String resource = fixture.licensedResources().get(license);
        String before = record(resource, CURRENT).get("last_sync_at").asString();
        Map<String, Object> body = fixture.period(CURRENT);
        body.put("resource_uuid", resource);
        // The billing sync's transaction: it holds the month alone until it ends (D2, D21).
        try (Connection billingSync = dataSource.getConnection()) {
            billingSync.setAutoCommit(false);
            try (PreparedStatement lock =
                    billingSync.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "billing|" + Uuids.fromPath(fixture.settings()) + "|" + CURRENT);
                lock.execute();
            }
            String job = api.post(BASE + "trigger_consumption_sync/", body)
                    .expect(202)
                    .text("uuid");
            Jobs.awaitState(api, job, "running");
            // Proof of the wait, not a guess from timing: the job's write is queued behind the month lock.
            await("the job's write queued behind the month lock")
                    .atMost(Duration.ofSeconds(20))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> waitingForAdvisoryLocks(billingSync) > 0);
            assertThat(waitingForAdvisoryLocks(billingSync))
                    .as("the consumption write waits for the month lock")
                    .isPositive();
            assertThat(state(job)).isEqualTo("running");
            assertThat(record(resource, CURRENT).get("last_sync_at").asString()).isEqualTo(before);
            billingSync.commit();

            JsonNode finished = Jobs.await(api, job);
            assertThat(finished.get("state").asString()).isEqualTo("succeeded");
            assertThat(finished.get("result").get("error_count").asInt()).isZero();
            assertThat(record(resource, CURRENT).get("last_sync_at").asString()).isNotEqualTo(before);
        }
    }

    @Test
    void triggersValidateTheirRequestBeforeQueuing() {
        Map<String, Object> body = new HashMap<>(fixture.period(CLOSED));
        body.put("year", 1999);
        assertThat(api.post("/api/admin/arrow/billing-syncs/trigger_consumption_sync/", body)
                        .expect(400)
                        .json()
                        .has("year"))
                .isTrue();
        body = new HashMap<>(fixture.period(CLOSED));
        body.put("month", 13);
        assertThat(api.post("/api/admin/arrow/billing-syncs/trigger_reconciliation/", body)
                        .expect(400)
                        .json()
                        .has("month"))
                .isTrue();
        YearMonth next = CURRENT.plusMonths(1);
        assertThat(api.post("/api/admin/arrow/billing-syncs/trigger_consumption_sync/", fixture.period(next))
                        .expect(400)
                        .json()
                        .has("month"))
                .isTrue();
        body = new HashMap<>(fixture.period(CLOSED));
        body.put("settings_uuid", UUID.randomUUID().toString());
        assertThat(api.post("/api/admin/arrow/billing-syncs/trigger_consumption_sync/", body)
                        .expect(404)
                        .json()
                        .has("error"))
                .isTrue();
        body = new HashMap<>(fixture.period(CLOSED));
        body.put("resource_uuid", "not-a-uuid");
        assertThat(api.post("/api/admin/arrow/billing-syncs/trigger_consumption_sync/", body)
                        .expect(400)
                        .json()
                        .has("resource_uuid"))
                .isTrue();
        assertThat(api.post("/api/admin/arrow/billing-syncs/trigger_consumption_sync/", Map.of("month", 1))
                        .expect(400)
                        .json()
                        .has("year"))
                .isTrue();
    }

    @Test
    void recordsAreReadOnlyStaffOnlyAndFiltersAreValidated() {
        api.post(RECORDS, Map.of()).expect(405);
        api.get(RECORDS + "?billing_period=2024-13-01").expect(400);
        api.get(RECORDS + "?is_finalized=maybe").expect(400);
        api.get(RECORDS + "?customer_uuid=nope").expect(400);
        api.get(RECORDS + "not-a-uuid/").expect(404);
        String token = fixture.userToken();
        api.as(token).get(RECORDS).expect(403);
        api.as(token)
                .post("/api/admin/arrow/billing-syncs/trigger_consumption_sync/", fixture.period(CLOSED))
                .expect(403);
        assertThat(api.head(RECORDS).expect(200).header("X-Result-Count")).isNotNull();
    }

    private String state(String job) {
        return api.get("/api/admin/arrow/jobs/" + job + "/")
                .expect(200)
                .json()
                .get("state")
                .asString();
    }

    private static long waitingForAdvisoryLocks(Connection connection) throws java.sql.SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                        "select count(*) from pg_locks where locktype = 'advisory' and not granted");
                java.sql.ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private JsonNode record(String resource, YearMonth period) {
        return api.get(RECORDS + "?resource_uuid=" + resource + "&billing_period=" + period.atDay(1))
                .expect(200)
                .json()
                .get(0);
    }

    /**
     * D2: for every license, the provisional item plus its compensations equal the export's final amount, to the cent.
     */
    private void assertOneChargePerLicense(YearMonth period) {
        Map<String, BigDecimal> export = new HashMap<>(fixture.emulator().sellByLicense(period));
        export.keySet().retainAll(fixture.licensedResources().keySet());
        int checked = 0;
        for (Map.Entry<String, BigDecimal> entry : export.entrySet()) {
            String resource = fixture.licensedResources().get(entry.getKey());
            BigDecimal invoiced = BigDecimal.ZERO;
            for (JsonNode item : api.get("/api/invoice-items/?resource_uuid=" + resource + "&page_size=300")
                    .expect(200)
                    .json()) {
                String source = item.get("details").path("source").asString("");
                if (source.startsWith("arrow_")
                        && item.get("start").asString().equals(period.atDay(1).toString())) {
                    invoiced = invoiced.add(new BigDecimal(
                                    item.get("unit_price").asString())
                            .multiply(new BigDecimal(item.get("quantity").asString())));
                }
            }
            boolean metered = !fixture.emulator()
                    .client()
                    .monthlyConsumption(entry.getKey(), period, period)
                    .lines()
                    .isEmpty();
            if (metered) {
                assertThat(invoiced.subtract(entry.getValue()).abs())
                        .as("license %s", entry.getKey())
                        .isLessThan(new BigDecimal("0.01"));
                checked++;
            } else {
                assertThat(invoiced)
                        .as("consumption never bills the unmetered license %s", entry.getKey())
                        .isZero();
            }
        }
        assertThat(checked).as("metered licenses checked").isPositive();
    }
}
