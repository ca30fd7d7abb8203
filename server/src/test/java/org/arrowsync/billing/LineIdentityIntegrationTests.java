package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * D29 against exports that look like real accounts' ones: a billed line is found by its line reference whatever its
 * customer columns say now, and a line that cannot be read or identified never removes or credits anything. The renames
 * use the template without End User Company ID: with it, the row keeps naming the customer by its Ref (D24).
 */
class LineIdentityIntegrationTests extends IntegrationTest {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    static final String BY_NAME_TEMPLATE = "BYNAME-no-company-id";
    static final String NO_CUSTOMER_TEMPLATE = "LINES-no-customer-columns";
    static final String THIN_TEMPLATE = "THIN-no-line-references";
    static final String CONTOSO = "XSP700001";

    @Autowired
    JdbcClient jdbc;

    ArrowFixture arrow;
    String settings;
    Map<String, String> customers;

    @BeforeEach
    void arrow() {
        arrow = ArrowFixture.demo(api, jdbc);
    }

    @AfterEach
    void close() {
        arrow.close();
    }

    @Test
    void aCustomerRenamedBetweenSyncAndReconcileIsCreditedNothingAndTheRenameIsReported() {
        start(BY_NAME_TEMPLATE);
        BigDecimal billed = charged(CONTOSO);
        assertThat(billed).isPositive().isEqualByComparingTo(exportTotal(CONTOSO));
        int items = lineReferences(CONTOSO, "%").size();

        arrow.control().call("POST", "customers/" + CONTOSO, "{\"companyName\":\"Contoso Group\"}");
        JsonNode reconciled = reconcile(true);
        assertThat(reconciled.get("state").asString()).as(reconciled.toString()).isEqualTo("succeeded");
        assertThat(reconciled.get("result").get("compensations").asInt())
                .as("nothing is credited for a rename")
                .isZero();
        assertThat(reconciled.get("progress").get("customer_mismatches").asInt())
                .isEqualTo(items);
        assertThat(reconciled.get("errors").toString())
                .contains("'Contoso Group'")
                .contains("Contoso Ltd");
        JsonNode sync = sync(CONTOSO);
        assertThat(sync.get("state").asInt()).isEqualTo(4);
        assertThat(sync.get("error_message").asString())
                .contains("Contoso Group")
                .contains("nothing credited");
        assertThat(charged(CONTOSO)).isEqualByComparingTo(billed);

        api.post("/api/admin/arrow/customer-mappings/sync_from_arrow/", Map.of("settings_uuid", settings))
                .expect(200);
        JsonNode again = reconcile(false);
        assertThat(again.get("progress").path("customer_mismatches").asInt())
                .as("the mapping follows Arrow's new name")
                .isZero();
        assertThat(sync(CONTOSO).get("error_message").asString()).isEmpty();
    }

    @Test
    void aRenameWhoseRowsStillCarryTheCustomersRefIsNoMismatch() {
        start(ArrowFixture.ALT_TEMPLATE);
        BigDecimal billed = charged(CONTOSO);
        arrow.control().call("POST", "customers/" + CONTOSO, "{\"companyName\":\"Contoso Group\"}");

        JsonNode reconciled = reconcile(true);
        assertThat(reconciled.get("state").asString()).as(reconciled.toString()).isEqualTo("succeeded");
        assertThat(reconciled.get("result").get("compensations").asInt()).isZero();
        assertThat(reconciled.get("progress").path("customer_mismatches").asInt())
                .as("End User Company ID still holds the mapping's Ref (D24)")
                .isZero();
        assertThat(sync(CONTOSO).get("error_message").asString()).isEmpty();
        assertThat(charged(CONTOSO)).isEqualByComparingTo(billed);
    }

    @Test
    void aResyncAfterARenameKeepsTheCustomersLinesFollowingArrowAndReportsTheRename() {
        start(BY_NAME_TEMPLATE);
        arrow.control().call("POST", "customers/" + CONTOSO, "{\"companyName\":\"Contoso Group\"}");
        List<String> lines = lineReferences(CONTOSO);
        arrow.control().call("POST", "lines/" + lines.get(0), "{\"sell\":\"123.45000\"}");

        JsonNode resync = sync();
        assertThat(resync.get("result").get("lines_removed").asInt())
                .as("a rename removes no line before validation (D5, D29)")
                .isZero();
        assertThat(resync.get("progress").get("customer_mismatches").asInt())
                .isEqualTo(lineReferences(CONTOSO, "%").size());
        assertThat(resync.get("errors").toString()).contains("'Contoso Group'");
        assertThat(charged(CONTOSO))
                .as("the renamed customer's lines still follow Arrow by their reference")
                .isEqualByComparingTo(exportTotal(CONTOSO));
        assertThat(sync(CONTOSO).get("error_message").asString()).contains("Contoso Group");

        arrow.control().call("POST", "lines/" + lines.get(1), "{\"sell\":\"0.50000\"}");
        JsonNode reconciled = reconcile(true);
        assertThat(reconciled.get("result").get("compensations").asInt())
                .as("only the line Arrow changed")
                .isEqualTo(1);
        assertThat(charged(CONTOSO)).isEqualByComparingTo(exportTotal(CONTOSO));
    }

    @Test
    void anExportWithoutAnyCustomerColumnStillResyncsAndReconcilesEachLineByItsReference() {
        start(ArrowFixture.ALT_TEMPLATE);
        useTemplate(NO_CUSTOMER_TEMPLATE);
        List<String> lines = lineReferences(CONTOSO);
        arrow.control().call("POST", "lines/" + lines.get(0), "{\"sell\":\"77.70000\"}");

        JsonNode resync = sync();
        assertThat(resync.get("result").get("lines_removed").asInt()).isZero();
        assertThat(resync.get("progress").path("customer_mismatches").asInt())
                .as("a row that names nobody contradicts nobody")
                .isZero();
        assertThat(charged(CONTOSO)).isEqualByComparingTo(exportTotal(CONTOSO));

        arrow.control().call("POST", "lines/" + lines.get(0), "{\"sell\":\"80.00000\"}");
        arrow.control().call("DELETE", "lines/" + lines.get(1), null);
        JsonNode reconciled = reconcile(true);
        assertThat(reconciled.get("state").asString()).as(reconciled.toString()).isEqualTo("succeeded");
        assertThat(reconciled.get("result").get("compensations").asInt())
                .as("the changed line and the line Arrow dropped, nothing else")
                .isEqualTo(2);
        for (String customer : customers.keySet()) {
            assertThat(charged(customer)).as(customer).isEqualByComparingTo(exportTotal(customer));
        }
    }

    @Test
    void anExportWhoseLinesCannotBeToldApartChangesNothing() {
        start(ArrowFixture.ALT_TEMPLATE);
        BigDecimal before = charged(CONTOSO);
        useTemplate(THIN_TEMPLATE);

        JsonNode resync = trigger("trigger_sync", false);
        assertThat(resync.get("state").asString()).isEqualTo("failed");
        assertThat(resync.get("error_message").asString()).contains("Sequence or Order Id");
        assertThat(charged(CONTOSO)).isEqualByComparingTo(before);

        JsonNode reconciled = reconcile(true);
        assertThat(reconciled.get("state").asString()).isEqualTo("failed");
        assertThat(reconciled.get("error_message").asString()).contains("Sequence or Order Id");
        assertThat(charged(CONTOSO)).isEqualByComparingTo(before);
        assertThat(sync(CONTOSO).get("error_message").asString()).contains("Sequence or Order Id");
    }

    @Test
    void aLineThatCannotBeReadIsCountedOnItsSyncAndKeepsWhatItWasCharged() {
        start(ArrowFixture.ALT_TEMPLATE);
        BigDecimal before = charged(CONTOSO);
        String garbled = lineReferences(CONTOSO).get(0);
        arrow.control().call("POST", "lines/" + garbled, "{\"garbled\":true}");

        JsonNode resync = sync();
        assertThat(resync.get("progress").get("invalid_lines").asInt()).isEqualTo(1);
        assertThat(resync.get("errors").toString()).contains(garbled).contains("#VALUE!");
        JsonNode sync = syncOfLine(garbled);
        assertThat(sync.get("line_errors").asInt()).isEqualTo(1);
        assertThat(sync.get("error_message").asString()).contains(garbled).contains("#VALUE!");
        assertThat(syncs(CONTOSO)).as("one sync per vendor program").hasSizeGreaterThan(1);
        assertThat(syncs(CONTOSO).stream()
                        .mapToInt(s -> s.get("line_errors").asInt())
                        .sum())
                .as("counted on the line's own sync only, not on the customer's other program's")
                .isEqualTo(1);
        assertThat(charged(CONTOSO)).as("the line keeps its charge").isEqualByComparingTo(before);
        assertThat(sync(customers.keySet().stream()
                                .filter(reference -> !reference.equals(CONTOSO))
                                .findFirst()
                                .orElseThrow())
                        .get("line_errors")
                        .asInt())
                .as("only the line's own customer")
                .isZero();

        JsonNode reconciled = reconcile(true);
        assertThat(reconciled.get("result").get("compensations").asInt())
                .as("an unreadable line is never credited")
                .isZero();
        assertThat(syncOfLine(garbled).get("line_errors").asInt()).isEqualTo(1);

        arrow.control().call("POST", "lines/" + garbled, "{\"garbled\":false}");
        arrow.control().call("POST", "lines/" + garbled, "{\"sell\":\"10.00000\"}");
        assertThat(reconcile(false).get("result").get("compensations").asInt())
                .as("read again, the line reconciles")
                .isEqualTo(1);
        JsonNode repaired = syncOfLine(garbled);
        assertThat(repaired.get("line_errors").asInt()).isZero();
        assertThat(repaired.get("error_message").asString()).isEmpty();
        assertThat(charged(CONTOSO)).isEqualByComparingTo(exportTotal(CONTOSO));
    }

    private void start(String template) {
        settings = arrow.settings(template, "sell");
        customers = arrow.mapAllCustomers();
        sync();
    }

    private void useTemplate(String template) {
        api.patch("/api/admin/arrow/settings/" + settings + "/", Map.of("export_type_reference", template))
                .expect(200);
    }

    private JsonNode sync() {
        JsonNode job = trigger("trigger_sync", false);
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
        return job;
    }

    private JsonNode reconcile(boolean force) {
        return trigger("reconcile", force);
    }

    private JsonNode trigger(String action, boolean force) {
        Map<String, Object> body = "reconcile".equals(action)
                ? Map.of("year", 2026, "month", 10, "settings_uuid", settings, "force", force)
                : Map.of("year", 2026, "month", 10, "settings_uuid", settings);
        return arrow.awaitJob(api.post("/api/admin/arrow/billing-syncs/" + action + "/", body));
    }

    private JsonNode sync(String arrowReference) {
        return syncs(arrowReference).stream()
                .findFirst()
                .orElseThrow(() -> new AssertionError("no billing sync of " + arrowReference));
    }

    /** The customer's syncs of the month: one per vendor program. */
    private List<JsonNode> syncs(String arrowReference) {
        List<JsonNode> found = new ArrayList<>();
        for (JsonNode sync : api.get("/api/admin/arrow/billing-syncs/?settings_uuid=" + settings + "&page_size=50")
                .expect(200)
                .json()) {
            if (sync.get("arrow_reference").asString().equals(arrowReference)) {
                found.add(sync);
            }
        }
        return found;
    }

    private JsonNode syncOfLine(String lineReference) {
        String uuid = jdbc.sql("""
                        select b.uuid::text from billing_syncs b join billing_sync_items t on t.billing_sync_id = b.id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.arrow_line_reference = ?""")
                .params(settings, lineReference)
                .query(String.class)
                .single();
        return api.get("/api/admin/arrow/billing-syncs/" + uuid.replace("-", "") + "/")
                .expect(200)
                .json();
    }

    private BigDecimal exportTotal(String arrowReference) {
        return arrow.exportSell(OCTOBER, arrowReference);
    }

    /** What the customer's invoices charge for October's Arrow lines: items, their changes and corrections. */
    private BigDecimal charged(String arrowReference) {
        return jdbc.sql("""
                        select coalesce(sum(it.unit_price * it.quantity), 0) from invoice_items it join invoices i on i.id = it.invoice_id
                        join customers c on c.id = i.customer_id where c.uuid = ?::uuid and it.details ->> 'report_period' = '2026-10'""")
                .param(customers.get(arrowReference))
                .query(BigDecimal.class)
                .single();
    }

    private List<String> lineReferences(String arrowReference) {
        return lineReferences(arrowReference, "invoice");
    }

    private List<String> lineReferences(String arrowReference, String billedVia) {
        return arrow.lineReferences(arrowReference, billedVia);
    }
}
