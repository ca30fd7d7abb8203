package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.arrowsync.contract.Contract;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
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
 * Cleanup (D11) over HTTP: a dry run by default, open provisional items go with their records, billed months are never
 * freed.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsumptionCleanupIntegrationTests extends IntegrationTest {

    private static final String RECORDS = "/api/admin/arrow/consumption-records/";
    private static final String CLEANUP = "/api/admin/arrow/billing-syncs/cleanup_consumption/";
    private static final YearMonth CLOSED = TestClock.closedMonth();

    @RegisterExtension
    static final ArrowFixture fixture = new ArrowFixture();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @BeforeAll
    static void syncClosedMonth() {
        fixture.trackedResources(1);
        assertThat(fixture.syncConsumption(CLOSED).get("result").get("synced").asInt())
                .isEqualTo(4);
    }

    @Test
    void badInputIsA400() {
        api.post(CLEANUP, Map.of("period_from", "2024-1x")).expect(400);
        api.post(CLEANUP, Map.of("period_to", "2024-13")).expect(400);
        api.post(CLEANUP, Map.of("resource_uuid", "nope")).expect(400);
        api.post(CLEANUP, Map.of("only_finalized", true, "only_unfinalized", true))
                .expect(400);
        assertThat(api.post(CLEANUP, Map.of("period_from", "2026-11", "period_to", "2026-01", "dry_run", true))
                        .expect(200)
                        .json()
                        .get("records_to_delete")
                        .asInt())
                .as("a range that runs backwards selects nothing, as Waldur answers it (the console's form refuses it)")
                .isZero();
    }

    @Test
    void anUnknownResourceIsA404() {
        String unknown = "f4b882273b4e463496b47c8a9d14fc76";
        assertThat(api.post(CLEANUP, Map.of("resource_uuid", unknown, "dry_run", true))
                        .expect(404)
                        .text("error"))
                .isEqualTo("Resource " + unknown + " not found");
    }

    @Test
    @Order(1)
    void aDryRunByDefaultThenRemovesTheOpenProvisionalItemAndTheClaimUntilTheNextSync() {
        String license = fixture.meteredLicense(CLOSED);
        String resource = fixture.licensedResources().get(license);
        fixture.forgetOtherTestsRecords(license, CLOSED, resource);
        Map<String, Object> body = new HashMap<>(
                Map.of("resource_uuid", resource, "period_from", CLOSED.toString(), "period_to", CLOSED.toString()));
        Response dryRun = api.post(CLEANUP, body).expect(200);
        Contract.assertMatches(dryRun);
        assertThat(dryRun.json().get("dry_run").asBoolean()).isTrue();
        assertThat(dryRun.json().get("records_to_delete").asInt()).isEqualTo(1);
        assertThat(dryRun.json().get("records_deleted").asInt()).isZero();
        assertThat(dryRun.json().get("records_kept").asInt()).isZero();
        JsonNode record = record(resource);

        body.put("dry_run", false);
        JsonNode deleted = api.post(CLEANUP, body).expect(200).json();
        assertThat(deleted.get("records_deleted").asInt()).isEqualTo(1);
        assertThat(deleted.get("invoice_items_affected").asInt()).isEqualTo(1);
        api.get(RECORDS + record.get("uuid").asString() + "/").expect(404);
        api.get("/api/invoice-items/" + record.get("invoice_item_uuid").asString() + "/")
                .expect(404);
        assertThat(claim(license))
                .as(
                        "the claim goes with the record: the next run claims it again, else the billing sync bills it (D165)")
                .isEmpty();

        Map<String, Object> again = fixture.period(CLOSED);
        again.put("resource_uuid", resource);
        assertThat(fixture.run("trigger_consumption_sync", again)
                        .get("result")
                        .get("synced")
                        .asInt())
                .isEqualTo(1);
        JsonNode rebuilt = record(resource);
        assertThat(rebuilt.get("invoice_item_uuid").isNull()).isFalse();
        assertThat(claim(license)).contains("consumption");
        assertThat(invoicedFor(resource))
                .isEqualByComparingTo(
                        new BigDecimal(rebuilt.get("consumed_sell").asString()));
    }

    @Test
    @Order(2)
    void aRealCleanupWaitsForARunningBillingSyncOfTheMonth() throws Exception {
        String resource = fixture.licensedResources().get(fixture.meteredLicense(CLOSED));
        Map<String, Object> body = fixture.historicalMonth(resource, CLOSED);
        body.put("dry_run", false);
        // The billing sync's transaction: it holds the month alone until it ends (D2).
        try (Connection billingSync = dataSource.getConnection()) {
            billingSync.setAutoCommit(false);
            try (PreparedStatement lock =
                    billingSync.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, "billing|" + Uuids.fromPath(fixture.settings()) + "|" + CLOSED);
                lock.execute();
            }
            CompletableFuture<Response> cleanup = CompletableFuture.supplyAsync(() -> api.post(CLEANUP, body));
            await().atMost(Duration.ofSeconds(20)).until(() -> waitingForAdvisoryLocks(billingSync) > 0);
            assertThat(cleanup).as("the cleanup waits for the month lock").isNotDone();
            assertThat(record(resource)).as("and has deleted nothing").isNotNull();
            billingSync.commit();
            assertThat(cleanup.get(20, TimeUnit.SECONDS)
                            .expect(200)
                            .json()
                            .get("records_deleted")
                            .asInt())
                    .isEqualTo(1);
        }
        Map<String, Object> again = fixture.period(CLOSED);
        again.put("resource_uuid", resource);
        fixture.run("trigger_consumption_sync", again);
        assertThat(record(resource)).as("rebuilt for the next test").isNotNull();
    }

    @Test
    @Order(3)
    void recordsBilledOnAClosedInvoiceOrCompensatedAreKeptAndReported() {
        String license = fixture.meteredLicense(CLOSED);
        String customer = fixture.customerOf(license);
        fixture.closeInvoice(customer, CLOSED);
        fixture.emulator().correctSell(license, CLOSED, new BigDecimal("7"));
        assertThat(fixture.run("trigger_reconciliation", fixture.period(CLOSED))
                        .get("result")
                        .get("compensation_items_created")
                        .asInt())
                .isEqualTo(1);
        long before = count();

        // Resource by resource: other test classes share the database, a cleanup without a resource would reach their
        // records.
        int kept = 0;
        for (String resource : fixture.licensedResources().values()) {
            Map<String, Object> body = new HashMap<>(Map.of(
                    "resource_uuid", resource, "period_from", CLOSED.toString(), "period_to", CLOSED.toString()));
            JsonNode dryRun = api.post(CLEANUP, body).expect(200).json();
            body.put("dry_run", false);
            JsonNode real = api.post(CLEANUP, body).expect(200).json();
            for (JsonNode answer : new JsonNode[] {dryRun, real}) {
                assertThat(answer.get("records_to_delete").asInt()).isZero();
                assertThat(answer.get("records_deleted").asInt()).isZero();
                assertThat(answer.get("kept")).isEqualTo(dryRun.get("kept"));
            }
            kept += real.get("records_kept").asInt();
            if (resource.equals(fixture.licensedResources().get(license))) {
                assertThat(real.get("kept").get(0).get("reason").asString()).isEqualTo(ConsumptionCleanup.COMPENSATED);
                assertThat(real.get("kept").get(0).get("license_reference").asString())
                        .isEqualTo(license);
                assertThat(real.get("kept").get(0).get("period").asString()).isEqualTo(CLOSED.toString());
            } else if (real.get("records_kept").asInt() > 0) {
                assertThat(real.get("kept").get(0).get("reason").asString())
                        .isEqualTo(ConsumptionCleanup.ON_CLOSED_INVOICE);
            }
        }
        assertThat(kept).isEqualTo(4);
        assertThat(count()).isEqualTo(before);
    }

    private static long waitingForAdvisoryLocks(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                        "select count(*) from pg_locks where locktype = 'advisory' and not granted");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private JsonNode record(String resource) {
        return api.get(RECORDS + "?resource_uuid=" + resource + "&billing_period=" + CLOSED.atDay(1))
                .expect(200)
                .json()
                .get(0);
    }

    private long count() {
        String customer = fixture.customers().values().iterator().next();
        return Long.parseLong(api.get(RECORDS + "?billing_period=" + CLOSED.atDay(1) + "&customer_uuid=" + customer)
                .expect(200)
                .header("X-Result-Count"));
    }

    private Optional<String> claim(String license) {
        return jdbc.sql("select billed_by from license_billing where license_reference = ? and period = ?")
                .params(license, CLOSED.toString())
                .query(String.class)
                .optional();
    }

    private BigDecimal invoicedFor(String resource) {
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode item : api.get("/api/invoice-items/?resource_uuid=" + resource + "&page_size=300")
                .expect(200)
                .json()) {
            if (item.get("start").asString().equals(CLOSED.atDay(1).toString())) {
                total = total.add(new BigDecimal(item.get("unit_price").asString())
                        .multiply(new BigDecimal(item.get("quantity").asString())));
            }
        }
        return total;
    }
}
