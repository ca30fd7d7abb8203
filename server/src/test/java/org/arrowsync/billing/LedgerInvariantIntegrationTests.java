package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.ledger.BillingPath;
import org.arrowsync.ledger.LicenseBilling;
import org.arrowsync.settings.SettingsService;
import org.arrowsync.shared.Progress;
import org.arrowsync.shared.Uuids;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * D2 across both paths on the demo preset's closed month: licenses tracked by consumption and lines invoiced by the
 * billing sync, a late Arrow correction, finalisation and reconciliation. After all of it, the Arrow-sourced items
 * billing the month for each customer add up to Arrow's export total of the month for that customer, to the cent.
 */
class LedgerInvariantIntegrationTests extends IntegrationTest {

    static final YearMonth MONTH = TestClock.closedMonth();

    @Autowired
    JdbcClient jdbc;

    @Autowired
    BillingValidation validation;

    @Autowired
    BillingReconciliation reconciliation;

    @Autowired
    LicenseBilling claims;

    @Autowired
    BillingMonths months;

    @Autowired
    SettingsService settingsService;

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    @Test
    void everyArrowAmountIsChargedOnceAcrossBothPaths() {
        String settings = fixture.settings();
        Map<String, String> customers = billedByBothPaths();
        Map<String, Object> month = fixture.period(MONTH);
        List<String> viaConsumption = lines("consumption");
        List<String> viaInvoice = lines("invoice");
        assertThat(viaConsumption)
                .as("IaaS license-months billed by consumption tracking")
                .isNotEmpty();
        assertThat(viaInvoice).as("SaaS lines billed by the billing sync").isNotEmpty();

        fixture.emulator().changeSell(viaConsumption.get(0), "777.77000");
        fixture.emulator().changeSell(viaInvoice.get(0), "55.55000");
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_sync/", month));
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_reconciliation/", month));
        validation.check(Uuids.fromPath(settings), Progress.NONE);
        fixture.emulator().changeSell(viaInvoice.get(1), "66.66000");
        succeeded(api.post("/api/admin/arrow/billing-syncs/reconcile/", month));
        succeeded(api.post("/api/admin/arrow/billing-syncs/reconcile/", month));

        List<Boolean> linked = jdbc.sql("""
                        select it.resource_id is not null from invoice_items it join invoices i on i.id = it.invoice_id
                        join customer_mappings m on m.customer_id = i.customer_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and it.details ->> 'source' = 'arrow_reconciliation'
                        and it.details ->> 'original_line_reference' = ?""")
                .params(settings, viaInvoice.get(1))
                .query(Boolean.class)
                .list();
        assertThat(linked)
                .as("a billing correction names the resource its line billed")
                .containsExactly(true);

        assertEachChargedArrowsTotal(customers);
    }

    /**
     * D184: the month's priced total, which the console compares with what the invoices bill, follows Arrow's final
     * amounts and the price rules on the lines consumption tracking bills, as on those the billing sync bills.
     */
    @Test
    void theMonthsPricedTotalFollowsCorrectionsAndRepricingOfLinesConsumptionBills() {
        String settings = fixture.settings();
        billedByBothPaths();
        Map<String, Object> month = fixture.period(MONTH);
        String line = lines("consumption").get(0);
        fixture.emulator().changeSell(line, "777.77000");
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_reconciliation/", month));
        validation.check(Uuids.fromPath(settings), Progress.NONE);
        succeeded(api.post("/api/admin/arrow/billing-syncs/reconcile/", month));

        assertThat(pricedTotal()).isEqualByComparingTo(exportTotal(null));

        String marked = jdbc.sql("""
                        select m.arrow_reference from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.arrow_line_reference = ?""").params(settings, line).query(String.class).single();
        fixture.markupRule(marked, MONTH, "10");
        succeeded(api.post(
                "/api/admin/arrow/price-rules/reprice/",
                Map.of("period", MONTH.toString(), "settings_uuid", settings, "confirm", true)));

        assertThat(pricedTotal()).as("with the markup").isEqualByComparingTo(exportTotal(marked));
    }

    /**
     * D199: re-pricing a month whose invoice the operator canceled books nothing for it (D163), and its lines keep the
     * price they are billed at on both paths: the month's priced total is unchanged, so its difference stays nothing.
     */
    @Test
    void aRepricingRefusedForACanceledMonthLeavesItsPricedTotalAsBilled() {
        String settings = fixture.settings();
        Map<String, String> customers = billedByBothPaths();
        String marked = jdbc.sql("""
                        select m.arrow_reference from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.billed_via = 'consumption' limit 1""").param(settings).query(String.class).single();
        BigDecimal before = pricedTotal();
        fixture.setInvoiceState(customers.get(marked), MONTH, "canceled");
        fixture.markupRule(marked, MONTH, "10");

        JsonNode job = fixture.awaitJob(api.post(
                "/api/admin/arrow/price-rules/reprice/",
                Map.of("period", MONTH.toString(), "settings_uuid", settings, "confirm", true)));

        assertThat(job.get("result").get("corrections_refused").asInt())
                .as(job.toString())
                .isPositive();
        assertThat(job.get("result").get("compensations").asInt()).isZero();
        assertThat(pricedTotal()).as("the canceled month as billed").isEqualByComparingTo(before);
    }

    /**
     * D191: a line Arrow adds to, and one it drops from, a license-month consumption tracking bills after the month was
     * validated. The late line is recorded as consumption tracking's and the dropped one leaves the month's priced
     * total: the month page and the margins report count each amount once, and every customer is charged Arrow's total.
     */
    @Test
    void linesArrowAddsAndDropsAfterValidationOnALicenseConsumptionBillsAreCountedOnce() {
        String settings = fixture.settings();
        Map<String, String> customers = billedByBothPaths();
        Map<String, Object> month = fixture.period(MONTH);
        Map<String, Object> both = linesOfBothPaths();
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_reconciliation/", month));
        validation.check(Uuids.fromPath(settings), Progress.NONE);
        succeeded(api.post("/api/admin/arrow/billing-syncs/reconcile/", month));
        String late =
                fixture.emulator().addLine((String) both.get("consumption_license"), MONTH, "30.00000", "24.00000");
        fixture.emulator().removeLine((String) both.get("by_consumption"));

        JsonNode synced = fixture.awaitJob(api.post("/api/admin/arrow/billing-syncs/trigger_sync/", month));
        assertThat(synced.get("progress").get("late_lines").asInt())
                .as(synced.toString())
                .isEqualTo(1);
        assertThat(claims.movesUnfinalised(MONTH))
                .as("the late line's license-month is due a finalisation, whatever the month's age")
                .containsKey((String) both.get("consumption_license"));
        String finalisedBefore = Jobs.awaitNewest(api, "consumption_reconciliation", settings)
                .get("uuid")
                .asString();
        JsonNode reconciled = fixture.awaitJob(api.post("/api/admin/arrow/billing-syncs/reconcile/", month));
        assertThat(reconciled.get("result").get("lines_dropped").asInt())
                .as(reconciled.toString())
                .isOne();
        queuedTheFinalisation(reconciled, finalisedBefore, settings);
        assertThat(claims.movesUnfinalised(MONTH)).isEmpty();

        assertThat(lines("consumption"))
                .as("recorded as consumption tracking's")
                .contains(late);
        assertThat(item(settings, both.get("by_consumption"), "removed", Boolean.class))
                .as("the dropped line")
                .isTrue();
        assertThat(pricedTotal()).isEqualByComparingTo(exportTotal(null));
        assertThat(jdbc.sql("""
                        select sum(v.lines) from billing_vendor_totals v join arrow_settings s on s.id = v.settings_id
                        where s.uuid = ?::uuid and v.report_period = ?""")
                        .params(settings, MONTH.toString())
                        .query(Long.class)
                        .single())
                .as("the month's vendors count the lines Arrow lists now")
                .isEqualTo(fixture.emulator().exportLines(MONTH).size());
        Map<String, JsonNode> margins = new java.util.HashMap<>();
        for (JsonNode customer : api.get(
                        "/api/admin/arrow/reports/margins/?period=" + MONTH + "&settings_uuid=" + settings)
                .expect(200)
                .json()) {
            margins.put(customer.get("customer_uuid").asString(), customer);
        }
        List<BillingLine> export = fixture.emulator().exportLines(MONTH);
        customers.forEach((reference, customer) -> {
            List<BillingLine> own = export.stream()
                    .filter(line -> ("XSP" + line.customerReference()).equals(reference))
                    .toList();
            JsonNode margin = margins.get(customer.replace("-", ""));
            assertThat(new BigDecimal(margin.get("arrow_sell").asString()))
                    .as("Arrow's sell of %s, each amount once", reference)
                    .isEqualByComparingTo(sum(own, BillingLine::sellTotal));
            assertThat(new BigDecimal(margin.get("arrow_buy").asString()))
                    .isEqualByComparingTo(sum(own, BillingLine::buyTotal));
        });
        assertEachChargedArrowsTotal(customers);
    }

    /**
     * D283: Arrow changes the amount of a line consumption tracking bills after the month was reconciled. The
     * reconciliation books nothing for it itself, which is its finalisation's to book, but says so and queues that
     * finalisation: every customer is charged Arrow's total.
     */
    @Test
    void aLineArrowRepricesAfterReconciliationOnALicenseConsumptionBillsIsChargedByTheFinalisationQueued() {
        String settings = fixture.settings();
        Map<String, String> customers = billedByBothPaths();
        Map<String, Object> month = fixture.period(MONTH);
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_reconciliation/", month));
        validation.check(Uuids.fromPath(settings), Progress.NONE);
        succeeded(api.post("/api/admin/arrow/billing-syncs/reconcile/", month));
        String line = lines("consumption").get(0);
        fixture.emulator().changeSell(line, "777.77000");
        String finalisedBefore = Jobs.awaitNewest(api, "consumption_reconciliation", settings)
                .get("uuid")
                .asString();

        assertThat(api.post("/api/admin/arrow/billing-syncs/reconcile_preview/", month)
                        .expect(200)
                        .json()
                        .get("consumption_changed")
                        .toString())
                .as("the preview names the license, whose finalisation books it")
                .isEqualTo("[\"" + item(settings, line, "license_reference", String.class) + "\"]");
        JsonNode reconciled = fixture.awaitJob(api.post("/api/admin/arrow/billing-syncs/reconcile/", month));

        assertThat(reconciled.get("result").get("consumption_changed").asInt())
                .as(reconciled.toString())
                .isOne();
        queuedTheFinalisation(reconciled, finalisedBefore, settings);
        assertEachChargedArrowsTotal(customers);
    }

    /**
     * D293: Arrow changes the amount of a line consumption tracking bills before validating the month, after the
     * license-month was finalised. The sync that records the change leaves the license-month due a finalisation, which
     * the schedule queues whatever the month's age; that finalisation charges Arrow's new amount.
     */
    @Test
    void aLineArrowRepricesBeforeValidationLeavesItsFinalisedLicenseMonthDue() {
        String settings = fixture.settings();
        fixture.arrowStillValidates(MONTH);
        Map<String, String> customers = billedByBothPaths();
        Map<String, Object> month = fixture.period(MONTH);
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_reconciliation/", month));
        String line = lines("consumption").get(0);
        String license = item(settings, line, "license_reference", String.class);
        assertThat(claims.movesUnfinalised(MONTH)).doesNotContainKey(license);
        fixture.emulator().changeSell(line, "777.77000");

        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_sync/", month));

        assertThat(claims.movesUnfinalised(MONTH))
                .as("the changed line's license-month is due a finalisation")
                .containsKey(license);
        assertThat(claims.monthsWithMovesUnfinalised()).contains(MONTH);
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_reconciliation/", month));
        assertThat(claims.movesUnfinalised(MONTH)).doesNotContainKey(license);
        validation.check(Uuids.fromPath(settings), Progress.NONE);
        succeeded(api.post("/api/admin/arrow/billing-syncs/reconcile/", month));
        assertEachChargedArrowsTotal(customers);
    }

    /**
     * The reconciliation says it queued the month's finalisation, which books what it left to it, and that finalisation
     * ran (a newer one than {@code finalisedBefore}) and succeeded.
     */
    private void queuedTheFinalisation(JsonNode reconciled, String finalisedBefore, String settings) {
        JsonNode counted = Jobs.awaitCounted(api, reconciled.get("uuid").asString(), "consumption_finalisation_queued");
        assertThat(counted.get("progress")
                        .get("consumption_finalisation_queued")
                        .asInt())
                .as("the job says what books it after it")
                .isOne();
        JsonNode finalised = Jobs.awaitNewest(api, "consumption_reconciliation", settings);
        assertThat(finalised.get("uuid").asString())
                .as("the reconciliation queues the month's finalisation")
                .isNotEqualTo(finalisedBefore);
        assertThat(finalised.get("state").asString()).isEqualTo("succeeded");
    }

    private static BigDecimal sum(List<BillingLine> lines, Function<BillingLine, BigDecimal> amount) {
        return lines.stream()
                .map(amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(2, RoundingMode.HALF_UP);
    }

    /** The month's priced Arrow total as its summary (the console's month page) gives it. */
    private BigDecimal pricedTotal() {
        return months.summary(settingsService.get(Uuids.fromPath(fixture.settings())), MONTH)
                .arrowTotal();
    }

    /**
     * Arrow's export total of the month as invoices bill it (D196), the lines of the customer {@code marked} priced at
     * buy + 10%.
     */
    private BigDecimal exportTotal(String marked) {
        Function<BillingLine, BigDecimal> price = line -> ("XSP" + line.customerReference()).equals(marked)
                ? line.buyTotal().multiply(new BigDecimal("1.1"))
                : line.sellTotal();
        return fixture.emulator().exportLines(MONTH).stream()
                .map(line -> "XSP" + line.customerReference())
                .distinct()
                .map(customer -> fixture.exportAsBilled(MONTH, customer, price))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * Arrow moves a line of a license that consumption tracking bills to a license the billing sync bills, and one the
     * other way, within one customer's month: each is still charged once, by the path of the license it ends under,
     * through reconciliations and a re-pricing (D119).
     */
    @Test
    void aLineArrowMovesBetweenLicensesOfTheTwoPathsIsChargedOnce() {
        String settings = fixture.settings();
        Map<String, String> customers = billedByBothPaths();
        Map<String, Object> month = fixture.period(MONTH);
        Map<String, Object> both = linesOfBothPaths();
        fixture.emulator().moveLine((String) both.get("by_consumption"), (String) both.get("invoice_license"));
        fixture.emulator().moveLine((String) both.get("by_invoice"), (String) both.get("consumption_license"));

        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_sync/", month));
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_reconciliation/", month));
        validation.check(Uuids.fromPath(settings), Progress.NONE);
        succeeded(api.post("/api/admin/arrow/billing-syncs/reconcile/", month));
        succeeded(api.post("/api/admin/arrow/billing-syncs/reconcile/", month));
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_reconciliation/", month));
        // re-pricing at the same prices books nothing: each moved line is re-priced by the path that bills it now
        succeeded(api.post(
                "/api/admin/arrow/price-rules/reprice/",
                Map.of("period", MONTH.toString(), "settings_uuid", settings, "confirm", true)));

        assertEachChargedArrowsTotal(customers);
        assertThat(item(settings, both.get("by_invoice"), "current_price", BigDecimal.class))
                .as("a line credited here keeps the amount Arrow bills for it elsewhere")
                .isPositive();
    }

    /**
     * A license-month consumption tracking bills lost a line to a move (D119), keeping others; then Arrow's final
     * export lists none of its customer's lines (D224's export fault): the license-month is held with the customer's
     * others, not credited in full because a line once moved away from it (D238).
     */
    @Test
    void aLicenseThatLostALineToAMoveIsHeldWithItsCustomerLeftOutWhole() {
        Map<String, String> customers = billedByBothPaths();
        Map<String, Object> lines =
                jdbc.sql("""
                        select c.arrow_line_reference as moved, i.license_reference as invoice_license,
                               m.arrow_reference as customer
                        from billing_sync_items c join billing_sync_items i on i.billing_sync_id = c.billing_sync_id
                        join billing_syncs b on b.id = c.billing_sync_id join customer_mappings m on m.id = b.customer_mapping_id
                        join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and c.billed_via = 'consumption' and i.billed_via = 'invoice'
                        and i.license_reference <> ''
                        and (select count(*) from billing_sync_items o where o.billing_sync_id = c.billing_sync_id
                             and o.license_reference = c.license_reference) > 1
                        order by c.id, i.id limit 1""").param(fixture.settings()).query().singleRow();
        Map<String, Object> month = fixture.period(MONTH);
        fixture.emulator().moveLine((String) lines.get("moved"), (String) lines.get("invoice_license"));
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_sync/", month));
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_reconciliation/", month));
        validation.check(Uuids.fromPath(fixture.settings()), Progress.NONE);
        JsonNode reconciled = fixture.awaitJob(api.post("/api/admin/arrow/billing-syncs/reconcile/", month));
        assertThat(reconciled.get("result").get("lines_moved").asInt())
                .as(reconciled.toString())
                .isOne();
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_reconciliation/", month));
        String customer = customers.get((String) lines.get("customer"));
        BigDecimal billed = fixture.arrowChargesAsBilled(customer, MONTH);
        fixture.emulator().exportLines(MONTH).stream()
                .filter(line -> ("XSP" + line.customerReference()).equals(lines.get("customer")))
                .forEach(line -> fixture.emulator().removeLine(line.lineReference()));

        JsonNode held = fixture.finaliseConsumption(MONTH, false);

        assertThat(held.get("progress").get("customers_left_out").asInt())
                .as(held.toString())
                .isOne();
        assertThat(held.get("result").get("compensation_items_created").asInt())
                .as("nothing credited")
                .isZero();
        assertThat(fixture.arrowChargesAsBilled(customer, MONTH)).isEqualByComparingTo(billed);
    }

    /**
     * Arrow moves every line of a license that consumption tracking bills to a license the billing sync bills, after
     * that license-month's finalisation found nothing yet to finalise: the billing sync charges the lines, and the
     * finalisation the reconciliation queues bills the emptied license-month nothing (D119).
     */
    @Test
    void aLicenseWhoseEveryLineArrowMovesToTheOtherPathIsBilledByThatPathAlone() {
        Map<String, String> customers = billedByBothPaths();
        Map<String, Object> licenses = linesOfBothPaths();

        moveEveryLineThenReconcile(
                (String) licenses.get("consumption_license"), (String) licenses.get("invoice_license"));

        assertEachChargedArrowsTotal(customers);
    }

    /**
     * A reconciliation moves lines out of a license-month consumption tracking bills, and the finalisation it would
     * queue never runs (the server stopped first): the move stays due, so the schedule finalises the month whatever its
     * age, until a finalisation run books it (D119).
     */
    @Test
    void aMoveStaysDueForFinalisationUntilARunBooksIt() {
        Map<String, String> customers = billedByBothPaths();
        Map<String, Object> licenses = linesOfBothPaths();
        String emptied = (String) licenses.get("consumption_license");
        moveEveryLine(emptied, (String) licenses.get("invoice_license"));
        Map<String, Object> month = fixture.period(MONTH);
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_sync/", month));
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_reconciliation/", month));
        validation.check(Uuids.fromPath(fixture.settings()), Progress.NONE);

        // as its job does, but nothing is queued after it
        BillingReconciliation.Report report = reconciliation.reconcile(
                reconciliation.target(
                        MONTH.getYear(), MONTH.getMonthValue(), Uuids.fromPath(fixture.settings()), false),
                Progress.NONE);

        assertThat(report.linesMoved()).isPositive();
        assertThat(claims.monthsWithMovesUnfinalised()).contains(MONTH);
        assertThat(claims.movesUnfinalised(MONTH)).containsKey(emptied);
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_reconciliation/", month));
        assertThat(claims.movesUnfinalised(MONTH))
                .as("booked by the finalisation run")
                .doesNotContainKey(emptied);
        assertEachChargedArrowsTotal(customers);
    }

    /**
     * Arrow moves every line of a license that consumption tracking bills to another license of the customer that it
     * also bills: the emptied license-month is finalised at nothing and the other bills the lines, once (D119).
     */
    @Test
    void aLicenseWhoseEveryLineArrowMovesToAnotherConsumptionLicenseIsBilledOnce() {
        Map<String, String> customers = billedByBothPaths();
        Map<String, Object> licenses =
                jdbc.sql("""
                        select a.license_reference as emptied, b.license_reference as kept
                        from billing_sync_items a join billing_sync_items b on b.billing_sync_id = a.billing_sync_id
                        join billing_syncs s on s.id = a.billing_sync_id join customer_mappings m on m.id = s.customer_mapping_id
                        join arrow_settings st on st.id = m.settings_id
                        where st.uuid = ?::uuid and a.billed_via = 'consumption' and b.billed_via = 'consumption'
                        and a.license_reference <> b.license_reference order by a.id, b.id limit 1""").param(fixture.settings()).query().singleRow();

        moveEveryLineThenReconcile((String) licenses.get("emptied"), (String) licenses.get("kept"));

        assertEachChargedArrowsTotal(customers);
    }

    /**
     * A line the billing sync charged, then corrected to zero, is moved by Arrow to another license of its customer
     * that nobody bills yet (its lines were all zero), at an amount: its correction claims that license-month for the
     * billing sync as it charges it, so consumption tracking cannot bill it again (D2, D108, D119).
     */
    @Test
    void aLineCorrectedToZeroThatArrowMovesToAnUnbilledLicenseClaimsItsMonth() {
        Map<String, List<BillingLine>> saasByLicense = fixture.emulator().exportLines(MONTH).stream()
                .filter(line -> "SaaS".equalsIgnoreCase(line.classification()))
                .collect(Collectors.groupingBy(BillingLine::licenseReference, TreeMap::new, Collectors.toList()));
        BillingLine moved = saasByLicense.values().stream()
                .flatMap(List::stream)
                .filter(line -> line.sellTotal().signum() > 0)
                .findFirst()
                .orElseThrow();
        String unbilled = saasByLicense.entrySet().stream()
                .filter(license -> !license.getKey().equals(moved.licenseReference())
                        && license.getValue().get(0).customerReference().equals(moved.customerReference()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        saasByLicense.get(unbilled).forEach(line -> fixture.emulator().changeSell(line.lineReference(), "0.00000"));
        Map<String, String> customers = billedByBothPaths();
        assertThat(claims.owners(List.of(unbilled), MONTH))
                .as("a license-month whose lines bill nothing is nobody's")
                .isEmpty();
        Map<String, Object> month = fixture.period(MONTH);
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_reconciliation/", month));
        validation.check(Uuids.fromPath(fixture.settings()), Progress.NONE);
        fixture.emulator().changeSell(moved.lineReference(), "0.00000");
        succeeded(api.post("/api/admin/arrow/billing-syncs/reconcile/", month));

        fixture.emulator().moveLine(moved.lineReference(), unbilled);
        fixture.emulator().changeSell(moved.lineReference(), "42.00000");
        succeeded(api.post("/api/admin/arrow/billing-syncs/reconcile/", month));

        assertThat(claims.owners(List.of(unbilled), MONTH))
                .as("the license-month its correction charges")
                .isEqualTo(Map.of(unbilled, BillingPath.BILLING));
        assertEachChargedArrowsTotal(customers);
    }

    /**
     * Moves every line of {@code from} to {@code to} in Arrow's export, syncs the month and runs its finalisation
     * before Arrow validates it, then reconciles it once validated and waits for the finalisation that reconciliation
     * queues for the lines it moved.
     */
    private void moveEveryLineThenReconcile(String from, String to) {
        Map<String, Object> month = fixture.period(MONTH);
        moveEveryLine(from, to);
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_sync/", month));
        String finalised = fixture.awaitJob(api.post("/api/admin/arrow/billing-syncs/trigger_reconciliation/", month))
                .get("uuid")
                .asString();
        validation.check(Uuids.fromPath(fixture.settings()), Progress.NONE);

        JsonNode reconciled = fixture.awaitJob(api.post("/api/admin/arrow/billing-syncs/reconcile/", month));

        assertThat(reconciled.get("result").get("lines_moved").asInt())
                .as(reconciled.toString())
                .isPositive();
        JsonNode queued = Jobs.awaitNewest(api, "consumption_reconciliation", fixture.settings());
        assertThat(queued.get("uuid").asString())
                .as("a finalisation queued by the reconciliation")
                .isNotEqualTo(finalised);
        assertThat(queued.get("state").asString()).isEqualTo("succeeded");
    }

    /** Moves every line this fixture's syncs recorded under license {@code from} to license {@code to} in Arrow. */
    private void moveEveryLine(String from, String to) {
        for (String line : jdbc.sql("""
                        select t.arrow_line_reference from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.license_reference = ?""")
                .params(fixture.settings(), from)
                .query(String.class)
                .list()) {
            fixture.emulator().moveLine(line, to);
        }
    }

    /**
     * Every Arrow customer mapped, a resource for each of their licenses, and the month recorded by consumption
     * tracking, then billed by the billing sync; operator customers by Arrow reference.
     */
    private Map<String, String> billedByBothPaths() {
        Map<String, String> customers = fixture.mapAllCustomers();
        fixture.licensedResources();
        Map<String, Object> month = fixture.period(MONTH);
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_consumption_sync/", month));
        succeeded(api.post("/api/admin/arrow/billing-syncs/trigger_sync/", month));
        return customers;
    }

    /**
     * Two lines of one customer's sync with different amounts: one consumption tracking bills ({@code by_consumption},
     * of {@code consumption_license}) and one the billing sync bills ({@code by_invoice}, of {@code invoice_license}).
     */
    private Map<String, Object> linesOfBothPaths() {
        return jdbc.sql("""
                        select c.arrow_line_reference as by_consumption, c.license_reference as consumption_license,
                               i.arrow_line_reference as by_invoice, i.license_reference as invoice_license
                        from billing_sync_items c join billing_sync_items i on i.billing_sync_id = c.billing_sync_id
                        join billing_syncs b on b.id = c.billing_sync_id join customer_mappings m on m.id = b.customer_mapping_id
                        join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and c.billed_via = 'consumption' and i.billed_via = 'invoice'
                        and i.license_reference <> '' and c.current_price <> i.current_price order by c.id, i.id limit 1""").param(fixture.settings()).query().singleRow();
    }

    /**
     * The Arrow-sourced items billing the month for each customer add up to Arrow's export total for it, each line or
     * consumption-billed license-month rounded as its invoice bills it (D169).
     */
    private void assertEachChargedArrowsTotal(Map<String, String> customers) {
        for (Map.Entry<String, String> customer : customers.entrySet()) {
            assertThat(fixture.arrowChargesAsBilled(customer.getValue(), MONTH))
                    .as("Arrow-sourced items of %s for the month", customer.getKey())
                    .isEqualByComparingTo(fixture.exportSellAsBilled(MONTH, customer.getKey()));
        }
    }

    /** A column of the sync item of line {@code reference} in the settings' syncs. */
    private <T> T item(String settings, Object reference, String column, Class<T> type) {
        return jdbc.sql("select t." + column + """
                         from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.arrow_line_reference = ?""")
                .params(settings, reference)
                .query(type)
                .single();
    }

    private void succeeded(org.arrowsync.support.Response accepted) {
        JsonNode job = fixture.awaitJob(accepted);
        assertThat(job.get("state").asString()).as(job.toString()).isEqualTo("succeeded");
    }

    private List<String> lines(String billedVia) {
        return jdbc.sql("""
                        select t.arrow_line_reference from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                        join customer_mappings m on m.id = b.customer_mapping_id join arrow_settings s on s.id = m.settings_id
                        where s.uuid = ?::uuid and t.billed_via = ? order by t.id""")
                .params(fixture.settings(), billedVia)
                .query(String.class)
                .list();
    }
}
