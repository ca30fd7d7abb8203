package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * D29 against exports that look like real accounts' ones: a billed line is found by its line reference whatever its
 * customer columns say now, and a line that cannot be read or identified never removes or credits anything. The renames
 * use the template without End User Company ID: with it, the row keeps naming the customer by its Ref (D24).
 */
class LineIdentityIntegrationTests extends IntegrationTest {

    static final YearMonth MONTH = TestClock.closedMonth();
    static final String CONTOSO = "XSP700001";

    @Autowired
    JdbcClient jdbc;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    String settings;
    Map<String, String> customers;

    @Test
    void aCustomerRenamedBetweenSyncAndReconcileIsCreditedNothingAndTheRenameIsReported() {
        start(ExportTemplates.BY_NAME_REFERENCE);
        BigDecimal billed = charged(CONTOSO);
        assertThat(billed).isPositive().isEqualByComparingTo(exportTotal(CONTOSO));
        int items = lineReferences(CONTOSO, "%").size();

        fixture.emulator().renameCustomer(CONTOSO, "Contoso Group");
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
    void aDeactivatedMappingsBilledLinesStayOnTheInvoiceThroughAResync() {
        start(ExportTemplates.ALT_REFERENCE);
        BigDecimal billed = charged(CONTOSO);
        assertThat(billed).isPositive();
        String mapping = fixture.mapping(CONTOSO);
        api.patch("/api/admin/arrow/customer-mappings/" + mapping + "/", Map.of("is_active", false))
                .expect(200);

        JsonNode resync = sync();
        assertThat(resync.get("progress").path("lines_removed").asInt())
                .as("a line of a mapping no longer in use is not removed")
                .isZero();
        assertThat(charged(CONTOSO)).isEqualByComparingTo(billed);

        // A new mapping of the same Arrow customer, by its bare Ref, to another operator customer
        String ref = CONTOSO.substring(3);
        String other = fixture.mapCustomer(ref, "Contoso again");
        JsonNode again = sync();
        assertThat(again.get("progress").get("lines_of_inactive_mappings").asInt())
                .isPositive();
        assertThat(charged(CONTOSO)).as("the lines stay billed where they were").isEqualByComparingTo(billed);
        assertThat(chargedTo(other)).as("and are not billed a second time").isZero();
        api.patch("/api/admin/arrow/customer-mappings/" + fixture.mapping(ref) + "/", Map.of("is_active", false))
                .expect(200);

        api.patch("/api/admin/arrow/customer-mappings/" + mapping + "/", Map.of("is_active", true))
                .expect(200);
        sync();
        assertThat(charged(CONTOSO)).isEqualByComparingTo(billed);
    }

    @Test
    void aRenameWhoseRowsStillCarryTheCustomersRefIsNoMismatch() {
        start(ExportTemplates.ALT_REFERENCE);
        BigDecimal billed = charged(CONTOSO);
        fixture.emulator().renameCustomer(CONTOSO, "Contoso Group");

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
        start(ExportTemplates.BY_NAME_REFERENCE);
        fixture.emulator().renameCustomer(CONTOSO, "Contoso Group");
        List<String> lines = lineReferences(CONTOSO);
        fixture.emulator().changeSell(lines.get(0), "123.45000");

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

        fixture.emulator().changeSell(lines.get(1), "0.50000");
        JsonNode reconciled = reconcile(true);
        assertThat(reconciled.get("result").get("compensations").asInt())
                .as("only the line Arrow changed")
                .isEqualTo(1);
        assertThat(charged(CONTOSO)).isEqualByComparingTo(exportTotal(CONTOSO));
    }

    @Test
    void anExportWithoutAnyCustomerColumnStillResyncsAndReconcilesEachLineByItsReference() {
        start(ExportTemplates.ALT_REFERENCE);
        useTemplate(ExportTemplates.NO_CUSTOMER_REFERENCE);
        List<String> lines = lineReferences(CONTOSO);
        fixture.emulator().changeSell(lines.get(0), "77.70000");

        JsonNode resync = sync();
        assertThat(resync.get("result").get("lines_removed").asInt()).isZero();
        assertThat(resync.get("progress").path("customer_mismatches").asInt())
                .as("a row that names nobody contradicts nobody")
                .isZero();
        assertThat(charged(CONTOSO)).isEqualByComparingTo(exportTotal(CONTOSO));

        fixture.emulator().changeSell(lines.get(0), "80.00000");
        fixture.emulator().removeLine(lines.get(1));
        JsonNode reconciled = reconcile(true);
        assertThat(reconciled.get("state").asString()).as(reconciled.toString()).isEqualTo("succeeded");
        assertThat(reconciled.get("result").get("compensations").asInt())
                .as("the changed line and the line Arrow dropped, nothing else")
                .isEqualTo(2);
        for (String customer : customers.keySet()) {
            assertThat(charged(customer)).as(customer).isEqualByComparingTo(exportTotal(customer));
        }
    }

    /**
     * D104: a re-sync reads the month's lines only when it saw fewer than its syncs had. A line listed twice and a line
     * Arrow added are no lines of those syncs seen, so neither hides one that Arrow dropped from the same export.
     */
    @Test
    void aLineListedTwiceOrAddedDoesNotHideOneArrowDroppedFromTheSameExport() {
        start(ExportTemplates.ALT_REFERENCE);
        List<String> lines = lineReferences(CONTOSO);
        fixture.emulator().addLine(fixture.licenseOf(lines.get(0)), MONTH, "12.00000", "10.00000");
        fixture.emulator().removeLine(lines.get(1));
        // Arrow's total with each line once: the summary would count the repeated line twice
        BigDecimal arrowTotal = exportTotal(CONTOSO);
        fixture.emulator().repeatLine(lines.get(0));

        JsonNode resync = sync();

        assertThat(resync.get("progress").get("duplicate_lines").asInt()).isEqualTo(1);
        assertThat(resync.get("result").get("lines_removed").asInt()).isEqualTo(1);
        assertThat(resync.get("progress").path("present_lines_read").asInt())
                .as("a line was dropped: the month's lines were read to find it")
                .isPositive();
        assertThat(charged(CONTOSO)).isEqualByComparingTo(arrowTotal);

        JsonNode again = sync();
        assertThat(again.get("result").get("lines_removed").asInt())
                .as("an export that dropped nothing more removes nothing")
                .isZero();
        assertThat(again.get("progress").path("present_lines_read").asInt())
                .as("every line present was seen, the removed one aside: nothing to read")
                .isZero();
        assertThat(charged(CONTOSO)).isEqualByComparingTo(arrowTotal);
    }

    /**
     * D104: a line Arrow brings back was no line present as the run began, so it does not stand for one that Arrow
     * drops from the same export.
     */
    @Test
    void aLineArrowBringsBackDoesNotHideOneItDropsFromTheSameExport() {
        start(ExportTemplates.ALT_REFERENCE);
        List<String> lines = lineReferences(CONTOSO);
        fixture.emulator().removeLine(lines.get(0));
        assertThat(sync().get("result").get("lines_removed").asInt()).isEqualTo(1);

        fixture.emulator().restoreLine(lines.get(0));
        fixture.emulator().removeLine(lines.get(1));
        JsonNode resync = sync();

        assertThat(resync.get("result").get("lines_removed").asInt()).isEqualTo(1);
        assertThat(charged(CONTOSO)).isEqualByComparingTo(exportTotal(CONTOSO));
    }

    /**
     * D190: without Sequence, Order Id names the lines, and Arrow keeps one order's id for every line of a license.
     * Each line of an order is billed, followed and reconciled; a row listed twice is still counted once.
     */
    @Test
    void eachLineOfAnOrderIsBilledWhenTheExportHasNoSequence() {
        fixture.arrowStillValidates(MONTH);
        settings = fixture.settings(ExportTemplates.NO_SEQUENCE_REFERENCE);
        customers = fixture.mapAllCustomers();
        JsonNode first = sync();
        assertThat(first.get("progress").path("duplicate_lines").asInt())
                .as(first.toString())
                .isZero();
        for (String customer : customers.keySet()) {
            assertThat(charged(customer)).as(customer).isEqualByComparingTo(exportTotal(customer));
        }
        assertThat(lineReferences(CONTOSO)).anyMatch(reference -> reference.endsWith(" #2"));
        List<String> order = linesOfOneLicense(CONTOSO);

        fixture.emulator().changeSell(order.get(1), "55.55000");
        sync();
        assertThat(charged(CONTOSO)).isEqualByComparingTo(exportTotal(CONTOSO));

        BigDecimal arrowTotal = exportTotal(CONTOSO);
        fixture.emulator().repeatLine(order.get(1));
        JsonNode repeated = sync();
        assertThat(repeated.get("progress").path("duplicate_lines").asInt()).isEqualTo(1);
        assertThat(charged(CONTOSO)).isEqualByComparingTo(arrowTotal);

        BigDecimal removed = fixture.emulator().exportLines(MONTH).stream()
                .filter(line -> line.lineReference().equals(order.get(0)))
                .findFirst()
                .orElseThrow()
                .sellTotal()
                .setScale(2, java.math.RoundingMode.HALF_UP);
        fixture.emulator().removeLine(order.get(0));
        JsonNode reconciled = reconcile(true);
        assertThat(reconciled.get("state").asString()).as(reconciled.toString()).isEqualTo("succeeded");
        assertThat(reconciled.get("progress").path("duplicate_lines").asInt()).isEqualTo(1);
        assertThat(charged(CONTOSO)).isEqualByComparingTo(arrowTotal.subtract(removed));
    }

    /** The Sequences of the customer's first license that Arrow lists more than one line of in the month. */
    private List<String> linesOfOneLicense(String arrowReference) {
        Map<String, List<String>> byLicense = new java.util.LinkedHashMap<>();
        for (var line : fixture.emulator().exportLines(MONTH)) {
            if (("XSP" + line.customerReference()).equals(arrowReference)) {
                byLicense
                        .computeIfAbsent(line.licenseReference(), license -> new ArrayList<>())
                        .add(line.lineReference());
            }
        }
        return byLicense.values().stream()
                .filter(lines -> lines.size() > 1)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no license of " + arrowReference + " with two lines"));
    }

    @Test
    void anExportWhoseLinesCannotBeToldApartChangesNothing() {
        start(ExportTemplates.ALT_REFERENCE);
        BigDecimal before = charged(CONTOSO);
        useTemplate(ExportTemplates.THIN_REFERENCE);

        JsonNode resync = fixture.syncBilling(MONTH);
        assertThat(resync.get("state").asString()).isEqualTo("failed");
        assertThat(resync.get("error_message").asString()).contains("Sequence or Order Id");
        assertThat(charged(CONTOSO)).isEqualByComparingTo(before);

        JsonNode reconciled = reconcile(true);
        assertThat(reconciled.get("state").asString()).isEqualTo("failed");
        assertThat(reconciled.get("error_message").asString()).contains("Sequence or Order Id");
        assertThat(charged(CONTOSO)).isEqualByComparingTo(before);
        assertThat(sync(CONTOSO).get("error_message").asString()).contains("Sequence or Order Id");
    }

    /**
     * D210: a template a partner made without Arrow's totals gives no line an amount, never a zero one: a first sync
     * bills nothing and fails saying which column is missing, a re-sync and a reconciliation of a billed month change
     * nothing; with the totals back the month is billed as Arrow has it.
     */
    @Test
    void anExportWithoutItsPriceColumnsBillsNothingAndSaysWhy() {
        fixture.arrowStillValidates(MONTH);
        settings = fixture.settings(ExportTemplates.ALT_REFERENCE);
        customers = fixture.mapAllCustomers();
        String withoutPrices = "{\"family\":\"exports\",\"kind\":\"no_price_columns\",\"probability\":1}";
        fixture.emulator().fault(withoutPrices);

        JsonNode first = fixture.syncBilling(MONTH);
        assertThat(first.get("state").asString()).as(first.toString()).isEqualTo("failed");
        assertThat(first.get("error_message").asString())
                .contains("the export template has no Sell Total Price or Customer Total Price column")
                .as("the cause and what it did first")
                .matches("None of Arrow's \\d+ billing lines for " + MONTH
                        + " could be read whole, nothing was billed\\." + " The first: .*");
        assertThat(charged(CONTOSO)).as("no line billed at zero").isZero();
        assertThat(lineReferences(CONTOSO)).isEmpty();

        fixture.emulator().clearFaults();
        sync();
        BigDecimal billed = charged(CONTOSO);
        assertThat(billed).isPositive().isEqualByComparingTo(exportTotal(CONTOSO));

        fixture.emulator().fault(withoutPrices);
        JsonNode resync = fixture.syncBilling(MONTH);
        assertThat(resync.get("state").asString()).isEqualTo("failed");
        assertThat(resync.get("error_message").asString()).contains("Sell Total Price or Customer Total Price");
        JsonNode reconciled = reconcile(true);
        assertThat(reconciled.get("state").asString()).isEqualTo("failed");
        assertThat(reconciled.get("error_message").asString()).contains("could be read whole, nothing was reconciled.");
        assertThat(charged(CONTOSO)).as("nothing removed nor credited").isEqualByComparingTo(billed);
    }

    @Test
    void aBilledLineWhoseAmountsComeBackNullKeepsWhatItWasChargedAndIsReported() {
        start(ExportTemplates.ALT_REFERENCE);
        Map<String, BigDecimal> before = new java.util.HashMap<>();
        customers.keySet().forEach(customer -> before.put(customer, charged(customer)));
        // Each export page's first row then reads "null" in every price cell
        fixture.emulator().fault("{\"family\":\"exports\",\"kind\":\"null_cells\",\"probability\":1}");

        JsonNode resync = sync();
        assertThat(resync.get("progress").get("invalid_lines").asInt()).isPositive();
        assertThat(resync.get("errors").toString()).contains("no amount in");
        assertThat(resync.get("progress").path("lines_removed").asInt()).isZero();
        JsonNode reconciled = reconcile(true);
        assertThat(reconciled.get("result").get("compensations").asInt())
                .as("an amount Arrow did not give is never taken as zero")
                .isZero();
        fixture.emulator().clearFaults();
        before.forEach((customer, charged) ->
                assertThat(charged(customer)).as(customer).isEqualByComparingTo(charged));
    }

    /**
     * D160: an export that lists the month before's lines too (Arrow's filter a month off) bills none of them in the
     * month asked for, and takes none for a billed line's amount; without Sequence, the other month's rows of an order
     * leave the month's own lines their numbers (D190).
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {ExportTemplates.ALT_REFERENCE, ExportTemplates.NO_SEQUENCE_REFERENCE})
    void anExportListingOtherMonthsTooBillsNoneOfTheirLinesInTheMonthAskedFor(String template) {
        start(template);
        BigDecimal before = everythingChargedTo(CONTOSO);
        int items = lineReferences(CONTOSO, "%").size();
        fixture.emulator().fault("{\"family\":\"exports\",\"kind\":\"month_before_too\",\"probability\":1}");

        JsonNode resync = sync();
        JsonNode reconciled = reconcile(true);
        fixture.emulator().clearFaults();

        assertThat(resync.get("progress").path("invalid_lines").asInt())
                .as(resync.toString())
                .isPositive();
        assertThat(resync.get("errors").toString()).contains("(D160)");
        assertThat(reconciled.get("state").asString()).as(reconciled.toString()).isEqualTo("succeeded");
        assertThat(reconciled.get("result").get("compensations").asInt()).isZero();
        assertThat(everythingChargedTo(CONTOSO)).isEqualByComparingTo(before);
        assertThat(lineReferences(CONTOSO, "%")).hasSize(items);
    }

    @Test
    void aLineThatCannotBeReadIsCountedOnItsSyncAndKeepsWhatItWasCharged() {
        start(ExportTemplates.ALT_REFERENCE);
        BigDecimal before = charged(CONTOSO);
        String garbled = lineReferences(CONTOSO).get(0);
        fixture.emulator().garble(garbled, true);

        resyncReadingNot(garbled, "#VALUE!");
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

        fixture.emulator().garble(garbled, false);
        fixture.emulator().changeSell(garbled, "10.00000");
        assertThat(reconcile(false).get("result").get("compensations").asInt())
                .as("read again, the line reconciles")
                .isEqualTo(1);
        JsonNode repaired = syncOfLine(garbled);
        assertThat(repaired.get("line_errors").asInt()).isZero();
        assertThat(repaired.get("error_message").asString()).isEmpty();
        assertThat(charged(CONTOSO)).isEqualByComparingTo(exportTotal(CONTOSO));
    }

    @ParameterizedTest(name = "sell total {0}")
    @ValueSource(strings = {"1E+15", "1000000000000.00", "-2000000000000"})
    void anAmountTheLedgerCannotHoldMakesItsLineUnreadableNotTheSyncFail(String sell) {
        start(ExportTemplates.ALT_REFERENCE);
        BigDecimal before = charged(CONTOSO);
        String huge = lineReferences(CONTOSO).get(0);
        fixture.emulator().changeSell(huge, sell);

        resyncReadingNot(huge, "out of range");
        assertThat(syncOfLine(huge).get("line_errors").asInt()).isEqualTo(1);
        assertThat(charged(CONTOSO)).as("the line keeps its charge").isEqualByComparingTo(before);
    }

    @Test
    void linesEachWithinTheLedgersRangeAddUpPastItInTheirSync() {
        start(ExportTemplates.ALT_REFERENCE);
        List<String> lines = lineReferences(CONTOSO);
        lines.forEach(line -> fixture.emulator().changeSell(line, "900000000000.00"));

        JsonNode resync = sync();

        assertThat(resync.get("progress").path("invalid_lines").asInt())
                .as(resync.toString())
                .isZero();
        assertThat(charged(CONTOSO)).isEqualByComparingTo(exportTotal(CONTOSO));
        assertThat(syncs(CONTOSO))
                .as("a sync of several such lines keeps their total")
                .anySatisfy(
                        sync -> assertThat(new BigDecimal(sync.get("sell_total").asString()))
                                .isGreaterThan(new BigDecimal("1E12")));
    }

    /** Syncs the month again and checks that the one line it could not read is counted and named, with why. */
    private void resyncReadingNot(String lineReference, String why) {
        JsonNode resync = sync();
        assertThat(resync.get("progress").get("invalid_lines").asInt()).isEqualTo(1);
        assertThat(resync.get("errors").toString()).contains(lineReference).contains(why);
    }

    private void start(String template) {
        fixture.arrowStillValidates(MONTH);
        settings = fixture.settings(template);
        customers = fixture.mapAllCustomers();
        sync();
    }

    private void useTemplate(String template) {
        api.patch("/api/admin/arrow/settings/" + settings + "/", Map.of("export_type_reference", template))
                .expect(200);
    }

    private JsonNode sync() {
        return fixture.syncedBilling(MONTH);
    }

    private JsonNode reconcile(boolean force) {
        return fixture.reconcileBilling(MONTH, force);
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

    /** Arrow's lines of the customer's month, each rounded as its invoice bills it (D169). */
    private BigDecimal exportTotal(String arrowReference) {
        return fixture.exportSellAsBilled(MONTH, arrowReference);
    }

    /**
     * What the customer's invoices charge for the month's Arrow lines: items, their changes and corrections, each
     * rounded to the cent as the invoice bills it.
     */
    private BigDecimal charged(String arrowReference) {
        return chargedTo(customers.get(arrowReference));
    }

    private BigDecimal chargedTo(String customer) {
        return jdbc.sql("""
                        select coalesce(sum(round(it.unit_price * it.quantity, 2)), 0) from invoice_items it join invoices i on i.id = it.invoice_id
                        join customers c on c.id = i.customer_id where c.uuid = ?::uuid and it.details ->> 'report_period' = ?""")
                .params(customer, MONTH.toString())
                .query(BigDecimal.class)
                .single();
    }

    /** Every item of the customer's invoices, whatever month its line is of. */
    private BigDecimal everythingChargedTo(String arrowReference) {
        return jdbc.sql("""
                        select coalesce(sum(round(it.unit_price * it.quantity, 2)), 0) from invoice_items it join invoices i on i.id = it.invoice_id
                        join customers c on c.id = i.customer_id where c.uuid = ?::uuid""")
                .param(customers.get(arrowReference))
                .query(BigDecimal.class)
                .single();
    }

    private List<String> lineReferences(String arrowReference) {
        return lineReferences(arrowReference, "invoice");
    }

    private List<String> lineReferences(String arrowReference, String billedVia) {
        return fixture.lineReferences(arrowReference, billedVia);
    }
}
