package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.arrowsync.shared.Progress;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Validation from Arrow's signal and reconciliation of a final month against the emulator's corrected export. */
class BillingReconciliationIntegrationTests extends IntegrationTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BillingValidation validation;

    ArrowFixture arrow;
    String settings;
    Map<String, String> customers;

    @BeforeEach
    void mapAndSyncOctober() {
        arrow = ArrowFixture.demo(api, jdbc);
        settings = arrow.settings();
        customers = arrow.mapAllCustomers();
        syncOctober();
    }

    private void syncOctober() {
        assertThat(arrow.awaitJob(api.post(
                                "/api/admin/arrow/billing-syncs/trigger_sync/",
                                Map.of("year", 2026, "month", 10, "settings_uuid", settings)))
                        .get("state")
                        .asString())
                .isEqualTo("succeeded");
    }

    @AfterEach
    void close() {
        arrow.close();
    }

    @Test
    void validatesFromFulfilledStatementsThenCompensatesEachCorrectionOnce() {
        validation.check(Uuids.fromPath(settings), Progress.NONE);
        assertThat(states()).containsOnly(3);

        String customerRef = customers.keySet().iterator().next();
        List<String> lines = lineReferences(customerRef);
        arrow.control().call("POST", "lines/" + lines.get(0), "{\"sell\":\"999.12345\"}");
        arrow.control().call("DELETE", "lines/" + lines.get(1), null);

        JsonNode job = reconcile(false);
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.get("result").get("compensations").asInt()).isEqualTo(2);
        assertThat(states()).containsOnly(4);
        assertArrowAmountsMatchTheExport();

        JsonNode again = reconcile(false);
        assertThat(again.get("result").get("compensations").asInt())
                .as("D4: nothing is compensated twice")
                .isZero();
        assertArrowAmountsMatchTheExport();

        arrow.control().call("POST", "lines/" + lines.get(0), "{\"sell\":\"1000.00000\"}");
        assertThat(reconcile(false).get("result").get("compensations").asInt()).isEqualTo(1);
        assertArrowAmountsMatchTheExport();
        JsonNode removed = api.get("/api/invoice-items/?customer_uuid=" + customers.get(customerRef) + "&page_size=300")
                .expect(200)
                .json();
        assertThat(removed.valueStream()
                        .filter(item -> "line_removed"
                                .equals(item.get("details").path("reason").asString()))
                        .count())
                .isEqualTo(1);
    }

    @Test
    void thePreviewShowsPerCustomerWhatReconcileThenBooksAndWritesNothing() {
        validation.check(Uuids.fromPath(settings), Progress.NONE);
        List<String> refs = List.copyOf(customers.keySet());
        arrow.control().call("POST", "lines/" + lineReferences(refs.get(0)).get(0), "{\"sell\":\"999.12345\"}");
        arrow.control().call("DELETE", "lines/" + lineReferences(refs.get(1)).get(0), null);
        String before = ledgerSnapshot();

        JsonNode preview = api.post(
                        "/api/admin/arrow/billing-syncs/reconcile_preview/",
                        Map.of("year", 2026, "month", 10, "settings_uuid", settings))
                .expect(200)
                .json();

        assertThat(ledgerSnapshot()).as("a preview writes nothing").isEqualTo(before);
        assertThat(preview.get("customers").size()).isEqualTo(2);
        assertThat(preview.get("customers").findValuesAsString("invoice_period"))
                .containsOnly("2026-10");
        assertThat(preview.get("customers").findValuesAsString("customer_uuid"))
                .containsExactlyInAnyOrder(customers.get(refs.get(0)), customers.get(refs.get(1)));
        JsonNode removed = preview.get("customers")
                .valueStream()
                .filter(customer -> customer.get("customer_uuid").asString().equals(customers.get(refs.get(1))))
                .findFirst()
                .orElseThrow();
        assertThat(removed.get("lines").get(0).get("reason").asString()).isEqualTo("line_removed");
        assertThat(new BigDecimal(removed.get("total").asString())).isNegative();

        JsonNode booked = reconcile(false);
        assertThat(booked.get("result").get("compensations").asInt()).isEqualTo(2);
        assertThat(new BigDecimal(booked.get("result").get("compensation_total").asString()))
                .as("reconcile books what the preview showed")
                .isEqualByComparingTo(
                        new BigDecimal(preview.get("compensation_total").asString()));

        JsonNode after = api.post(
                        "/api/admin/arrow/billing-syncs/reconcile_preview/",
                        Map.of("year", 2026, "month", 10, "settings_uuid", settings))
                .expect(200)
                .json();
        assertThat(after.get("customers").size()).as("nothing left to book").isZero();
        api.post("/api/admin/arrow/billing-syncs/reconcile_preview/", Map.of("year", 2026))
                .expect(400);
    }

    /** Everything a reconciliation writes: invoice items, line compensations, sync states and errors, claims. */
    private String ledgerSnapshot() {
        return jdbc.sql("""
                        select (select count(*) || ':' || coalesce(sum(unit_price * quantity), 0) from invoice_items) || '|'
                               || (select coalesce(sum(compensated), 0) || ':' || count(compensation_item_id) from billing_sync_items) || '|'
                               || (select string_agg(state || error_message || coalesce(reconciled_at::text, ''), ',' order by id) from billing_syncs)
                               || '|' || (select count(*) from license_billing) || '|' || (select count(*) from invoices)""").query(String.class).single();
    }

    @Test
    void compensationsForAClosedMonthGoToTheCurrentInvoiceNamingTheMonth() {
        validation.check(Uuids.fromPath(settings), Progress.NONE);
        String customerRef = customers.keySet().iterator().next();
        String customer = customers.get(customerRef);
        String october = api.get("/api/invoices/?customer_uuid=" + customer + "&year=2026&month=10")
                .expect(200)
                .json()
                .get(0)
                .get("uuid")
                .asString();
        api.post("/api/invoices/" + october + "/set_state/", Map.of("state", "created"))
                .expect(200);
        String octoberTotal =
                api.get("/api/invoices/" + october + "/").expect(200).text("total");

        arrow.control().call("POST", "lines/" + lineReferences(customerRef).get(0), "{\"sell\":\"0.00000\"}");
        assertThat(reconcile(false).get("state").asString()).isEqualTo("succeeded");

        assertThat(api.get("/api/invoices/" + october + "/").expect(200).text("total"))
                .isEqualTo(octoberTotal);
        YearMonth current = YearMonth.now(java.time.ZoneOffset.UTC);
        JsonNode later = api.get("/api/invoices/?customer_uuid=" + customer + "&year=" + current.getYear() + "&month="
                        + current.getMonthValue())
                .expect(200)
                .json()
                .get(0);
        JsonNode compensation = later.get("items")
                .valueStream()
                .filter(item -> "2026-10"
                        .equals(item.get("details").path("original_period").asString("")))
                .findFirst()
                .orElseThrow();
        assertThat(compensation.get("name").asString()).contains("credit for 2026-10");
        assertThat(compensation.get("details").get("original_period").asString())
                .isEqualTo("2026-10");
        assertThat(compensation.get("start").asString()).isEqualTo("2026-10-01");
        assertArrowAmountsMatchTheExport();
    }

    @Test
    void forceReconcilesASyncedMonthAndItsSyncsBecomeReconciledEvenWithoutDifferences() {
        String customerRef = customers.keySet().iterator().next();
        arrow.control().call("POST", "lines/" + lineReferences(customerRef).get(0), "{\"sell\":\"1.23000\"}");
        JsonNode forced = reconcile(true);
        assertThat(forced.get("state").asString()).as(forced.toString()).isEqualTo("succeeded");
        assertThat(forced.get("result").get("compensations").asInt())
                .as("D4: force works on synced syncs")
                .isEqualTo(1);
        assertThat(states())
                .as("D6: syncs without differences become reconciled too")
                .containsOnly(4);
        assertArrowAmountsMatchTheExport();
    }

    @Test
    void syncedMonthsNeedForceAndAnEmptyExportChangesNothing() {
        JsonNode notValidated = reconcile(false);
        assertThat(notValidated.get("result").get("syncs").asInt()).isZero();
        assertThat(states()).containsOnly(2);

        BigDecimal billedBefore = arrowAmountTotal();
        for (String customerRef : customers.keySet()) {
            lineReferences(customerRef, "%").forEach(line -> arrow.control().call("DELETE", "lines/" + line, null));
        }
        JsonNode empty = reconcile(true);
        assertThat(empty.get("state").asString()).isEqualTo("failed");
        assertThat(empty.get("error_message").asString()).contains("no billing lines");
        assertThat(states()).containsOnly(2);
        JsonNode sync = api.get("/api/admin/arrow/billing-syncs/?settings_uuid=" + settings)
                .expect(200)
                .json()
                .get(0);
        assertThat(sync.get("error_message").asString()).contains("no billing lines");

        JsonNode resync = arrow.awaitJob(api.post(
                "/api/admin/arrow/billing-syncs/trigger_sync/",
                Map.of("year", 2026, "month", 10, "settings_uuid", settings)));
        assertThat(resync.get("state").asString())
                .as("D3: an empty export never wipes a billed month")
                .isEqualTo("failed");
        assertThat(arrowAmountTotal()).isPositive().isEqualByComparingTo(billedBefore);
    }

    @Test
    void statementsWithoutStatusLeaveTheDecisionToTheCalendar() {
        // October synced again while Arrow still validates it: its lines carry no Validation Date
        arrow.control().call("POST", "clock", "{\"now\":\"2026-11-03T08:00:00Z\"}");
        syncOctober();
        validation.check(Uuids.fromPath(settings), Progress.NONE);
        assertThat(states()).as("Needs Validation: Arrow says wait").containsOnly(2);

        arrow.control().call("POST", "faults", "{\"family\":\"statements\",\"kind\":\"missing_status\",\"count\":5}");
        validation.check(Uuids.fromPath(settings), Progress.NONE);
        assertThat(states())
                .as("no status says nothing; October ended more than the grace ago")
                .containsOnly(3);
        assertThat(jdbc.sql("""
                                select distinct b.arrow_state from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                                join arrow_settings s on s.id = m.settings_id where s.uuid = ?::uuid""").param(settings).query(String.class).list()).containsExactly("validated_by_calendar");
    }

    @Test
    void anExportWithRowsMissingFromAPageReconcilesNothing() {
        BigDecimal billedBefore = arrowAmountTotal();
        arrow.control()
                .call(
                        "POST",
                        "lines/"
                                + lineReferences(customers.keySet().iterator().next())
                                        .get(0),
                        "{\"sell\":\"1.23000\"}");
        arrow.control().call("POST", "faults", "{\"family\":\"exports\",\"kind\":\"short_page\",\"count\":5}");
        JsonNode job = reconcile(true);
        assertThat(job.get("state").asString()).isEqualTo("failed");
        assertThat(job.get("error_message").asString()).contains("short page 1", "incomplete");
        assertThat(states()).containsOnly(2);
        assertThat(arrowAmountTotal()).isEqualByComparingTo(billedBefore);
    }

    private JsonNode reconcile(boolean force) {
        return arrow.awaitJob(api.post(
                "/api/admin/arrow/billing-syncs/reconcile/",
                Map.of("year", 2026, "month", 10, "settings_uuid", settings, "force", force)));
    }

    private void assertArrowAmountsMatchTheExport() {
        JsonNode summary = arrow.control().summary(OCTOBER).get("customers");
        for (Map.Entry<String, String> customer : customers.entrySet()) {
            BigDecimal expected =
                    new BigDecimal(summary.get(customer.getKey()).get("sell").asString());
            BigDecimal charged = jdbc.sql("""
                            select coalesce(sum(it.unit_price * it.quantity), 0) from invoice_items it join invoices i on i.id = it.invoice_id
                            join customers c on c.id = i.customer_id where c.uuid = ?::uuid and it.details ->> 'report_period' = '2026-10'""")
                    .param(customer.getValue())
                    .query(BigDecimal.class)
                    .single();
            assertThat(charged)
                    .as("Arrow-sourced amount of %s", customer.getKey())
                    .isEqualByComparingTo(expected);
        }
    }

    private BigDecimal arrowAmountTotal() {
        return jdbc.sql("""
                        select coalesce(sum(it.unit_price * it.quantity), 0) from invoice_items it join invoices i on i.id = it.invoice_id
                        join customer_mappings m on m.customer_id = i.customer_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid""").param(settings).query(BigDecimal.class).single();
    }

    private List<Integer> states() {
        return jdbc.sql("""
                        select b.state from billing_syncs b join customer_mappings m on m.id = b.customer_mapping_id
                        join arrow_settings s on s.id = m.settings_id where s.uuid = ?::uuid""").param(settings).query(Integer.class).list();
    }

    private List<String> lineReferences(String customerRef) {
        return lineReferences(customerRef, "invoice");
    }

    private List<String> lineReferences(String customerRef, String billedVia) {
        return arrow.lineReferences(customerRef, billedVia);
    }
}
