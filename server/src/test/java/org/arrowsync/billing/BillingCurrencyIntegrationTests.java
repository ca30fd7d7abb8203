package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.support.ArrowFixture;
import org.arrowsync.support.IntegrationTest;
import org.arrowsync.support.TestClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/**
 * Customers Arrow bills in other currencies than the euro, end to end: the emulator gives every amount of such a
 * customer in its currency (its exports, statements, licenses and consumption), the ledger invoices it in that currency
 * rounded to its minor unit (D9, D156), and a customer whose currency changes after billing keeps what it was billed
 * (D112).
 */
class BillingCurrencyIntegrationTests extends IntegrationTest {

    static final YearMonth MONTH = TestClock.closedMonth();
    static final String EURO = "XSP700001";
    static final String OTHER = "XSP700002";

    @RegisterExtension
    final ArrowFixture fixture = new ArrowFixture();

    Map<String, String> customers;

    @BeforeEach
    void arrowStillValidates() {
        fixture.arrowStillValidates(MONTH);
    }

    @Test
    void aCustomerBilledInYenIsInvoicedInWholeYenAndCorrectedFromOneYen() {
        fixture.emulator().billCustomerIn(OTHER, "JPY");
        start();
        String line = fixture.lineReferences(OTHER, "invoice").get(0);
        fixture.emulator().changeSell(line, "1000.00000");
        fixture.syncedBilling(MONTH);

        JsonNode yen = invoice(OTHER);
        assertThat(yen.get("currency").asString()).isEqualTo("JPY");
        BigDecimal billed = total(yen);
        assertThat(billed.stripTrailingZeros().scale())
                .as("whole yen: %s", billed)
                .isLessThanOrEqualTo(0);
        assertThat(yen.get("items"))
                .allSatisfy(item -> assertThat(item.get("currency").asString()).isEqualTo("JPY"));
        assertBillsArrowsTotal(yen, OTHER, new BigDecimal("0.5"));
        JsonNode margin = marginOf(OTHER);
        assertThat(margin.get("currency").asString()).isEqualTo("JPY");
        assertThat(new BigDecimal(margin.get("billed").asString()))
                .as("the margins report in whole yen, as invoiced: %s", margin)
                .isEqualByComparingTo(billed)
                .satisfies(amount -> assertThat(amount.scale()).isZero());
        assertThat(syncsOf(OTHER))
                .allSatisfy(sync -> assertThat(sync.get("currency").asString()).isEqualTo("JPY"));
        JsonNode euro = invoice(EURO);
        assertThat(euro.get("currency").asString()).isEqualTo("EUR");
        assertBillsArrowsTotal(euro, EURO, new BigDecimal("0.005"));

        fixture.emulator().changeSell(line, "1000.40000");
        JsonNode underAYen = fixture.reconcileBilling(MONTH, true);
        assertThat(underAYen.get("state").asString()).as(underAYen.toString()).isEqualTo("succeeded");
        assertThat(underAYen.get("result").get("compensations").asInt())
                .as("0.40 yen is no yen: nothing to book (D156)")
                .isZero();
        assertThat(total(invoice(OTHER))).isEqualByComparingTo(billed);

        fixture.emulator().changeSell(line, "1001.60000");
        JsonNode corrected = fixture.reconcileBilling(MONTH, false);
        assertThat(corrected.get("result").get("compensations").asInt()).isEqualTo(1);
        assertThat(total(invoice(OTHER)))
                .as("1.60 yen billed as 2")
                .isEqualByComparingTo(billed.add(new BigDecimal("2")));
    }

    /** A code Arrow writes in lower case is the currency all the same: whole yen, and corrections go on its invoice. */
    @Test
    void aCurrencyCodeInLowerCaseIsTheSameCurrency() {
        fixture.emulator().billCustomerIn(OTHER, "jpy");
        start();
        String line = fixture.lineReferences(OTHER, "invoice").get(0);

        JsonNode yen = invoice(OTHER);
        assertThat(yen.get("currency").asString()).isEqualTo("JPY");
        assertThat(total(yen).stripTrailingZeros().scale()).as("whole yen").isLessThanOrEqualTo(0);
        fixture.emulator().changeSell(line, "2000.00000");
        JsonNode corrected = fixture.reconcileBilling(MONTH, true);
        assertThat(corrected.get("result").get("compensations").asInt())
                .as(corrected.toString())
                .isEqualTo(1);
        assertBillsArrowsTotal(invoice(OTHER), OTHER, new BigDecimal("0.5"));
    }

    /** Corrections in two currencies are totalled per currency: their sum would mean nothing. */
    @Test
    void aReconciliationInTwoCurrenciesTotalsEachApart() {
        fixture.emulator().billCustomerIn(OTHER, "JPY");
        start();
        fixture.emulator().changeSell(fixture.lineReferences(OTHER, "invoice").get(0), "2000.00000");
        fixture.emulator().changeSell(fixture.lineReferences(EURO, "invoice").get(0), "20.00000");
        Map<String, Object> month = fixture.period(MONTH);
        month.put("force", true);

        JsonNode preview = api.post("/api/admin/arrow/billing-syncs/reconcile_preview/", month)
                .expect(200)
                .json();
        JsonNode booked = fixture.reconcileBilling(MONTH, true).get("result");

        for (JsonNode totals : List.of(preview, booked)) {
            assertThat(totals.hasNonNull("compensation_total"))
                    .as(totals.toString())
                    .isFalse();
            assertThat(totals.get("compensation_totals").propertyNames()).containsExactly("EUR", "JPY");
        }
        assertThat(preview.get("customers").findValuesAsString("currency")).containsExactlyInAnyOrder("EUR", "JPY");
        assertThat(new BigDecimal(booked.get("compensation_totals").get("JPY").asString()))
                .isEqualByComparingTo(new BigDecimal(
                        preview.get("compensation_totals").get("JPY").asString()));
    }

    @Test
    void aCustomerArrowBillsInDollarsAfterAMonthInEurosKeepsItsEurosAndEachLineSaysWhy() {
        start();
        BigDecimal billed = total(invoice(OTHER));
        int lines = fixture.lineReferences(OTHER, "invoice").size();

        fixture.emulator().billCustomerIn(OTHER, "USD");
        JsonNode resync = fixture.syncedBilling(MONTH);

        assertThat(resync.get("progress").get("currency_errors").asInt())
                .as(resync.toString())
                .isEqualTo(lines);
        assertThat(resync.get("errors").toString()).contains("now in USD, billed in EUR (D9)");
        JsonNode invoice = invoice(OTHER);
        assertThat(invoice.get("currency").asString()).isEqualTo("EUR");
        assertThat(total(invoice)).as("left as billed (D112)").isEqualByComparingTo(billed);
        assertBillsArrowsTotal(invoice(EURO), EURO, new BigDecimal("0.005"));

        JsonNode reconciled = fixture.reconcileBilling(MONTH, true);
        assertThat(reconciled.get("result").get("compensations").asInt())
                .as("amounts in another currency are never taken for a difference")
                .isZero();
        assertThat(total(invoice(OTHER))).isEqualByComparingTo(billed);
    }

    /**
     * D300: a line Arrow adds in another currency than its customer's invoice is refused (D9) and left out of its
     * sync's totals, which stay those of what the invoice bills: amounts in two currencies add up to nothing. It counts
     * among the sync's lines all the same.
     */
    @Test
    void aLineInAnotherCurrencyIsLeftOutOfItsSyncsTotals() {
        start();
        BigDecimal sellBefore = sum(syncsOf(OTHER), "sell_total");
        BigDecimal buyBefore = sum(syncsOf(OTHER), "buy_total");
        int linesBefore = syncsOf(OTHER).stream()
                .mapToInt(sync -> sync.get("items").size())
                .sum();
        String billed = fixture.lineReferences(OTHER, "invoice").get(0);
        String license = fixture.emulator().exportLines(MONTH).stream()
                .filter(line -> line.lineReference().equals(billed))
                .findFirst()
                .orElseThrow()
                .licenseReference();

        // a code that sorts before the invoice's: the sync's currency is that of most of its lines, not the least code
        fixture.emulator().billCustomerIn(OTHER, "AUD");
        fixture.emulator().addLine(license, MONTH, "8.88000", "7.00000");
        JsonNode resync = fixture.syncedBilling(MONTH);

        assertThat(resync.get("errors").toString()).contains("in AUD, its invoice in EUR (D9)");
        assertTotals(sellBefore, buyBefore, linesBefore + 1);
        assertThat(total(invoice(OTHER))).isEqualByComparingTo(sellBefore.setScale(2, RoundingMode.HALF_EVEN));

        // a reconciliation counts the syncs' totals again, in SQL, by the same rule
        fixture.reconcileBilling(MONTH, true);
        assertTotals(sellBefore, buyBefore, linesBefore + 1);
    }

    private void assertTotals(BigDecimal sell, BigDecimal buy, int lines) {
        List<JsonNode> syncs = syncsOf(OTHER);
        assertThat(syncs)
                .allSatisfy(sync -> assertThat(sync.get("currency").asString()).isEqualTo("EUR"));
        assertThat(sum(syncs, "sell_total"))
                .as("the euros billed, nothing else added")
                .isEqualByComparingTo(sell);
        assertThat(sum(syncs, "buy_total")).isEqualByComparingTo(buy);
        assertThat(syncs.stream().mapToInt(sync -> sync.get("items").size()).sum())
                .isEqualTo(lines);
    }

    /**
     * D9, D261: an export template without a currency column bills its lines in the record's currency, which the
     * operator sets; a code that is no currency's is refused.
     */
    @Test
    void anExportWithoutACurrencyColumnIsBilledInTheRecordsCurrency() {
        fixture.emulator().billCustomerIn(OTHER, "USD");
        String settings = fixture.settings(ExportTemplates.NO_CURRENCY_REFERENCE);
        String record = "/api/admin/arrow/settings/" + settings + "/";
        assertThat(api.get(record).expect(200).text("currency")).isEqualTo("EUR");
        assertThat(api.patch(record, Map.of("currency", "dollars"))
                        .expect(400)
                        .json()
                        .get("currency")
                        .get(0)
                        .asString())
                .contains("ISO 4217");
        assertThat(api.patch(record, Map.of("currency", " usd")).expect(200).text("currency"))
                .isEqualTo("USD");
        customers = fixture.mapAllCustomers();

        fixture.syncedBilling(MONTH);

        JsonNode dollars = invoice(OTHER);
        assertThat(dollars.get("currency").asString()).isEqualTo("USD");
        assertThat(dollars.get("items"))
                .allSatisfy(item -> assertThat(item.get("currency").asString()).isEqualTo("USD"));
        assertBillsArrowsTotal(dollars, OTHER, new BigDecimal("0.005"));
    }

    private void start() {
        fixture.settings();
        customers = fixture.mapAllCustomers();
        fixture.syncedBilling(MONTH);
    }

    /** The customer's invoice of the month, with its items. */
    private JsonNode invoice(String arrowReference) {
        JsonNode invoices = api.get("/api/invoices/?customer_uuid=" + customers.get(arrowReference) + "&year="
                        + MONTH.getYear() + "&month=" + MONTH.getMonthValue())
                .expect(200)
                .json();
        assertThat(invoices).as(arrowReference).hasSize(1);
        return invoices.get(0);
    }

    /** The invoice bills Arrow's total of the customer's lines, each item rounded to the currency's minor unit. */
    private void assertBillsArrowsTotal(JsonNode invoice, String arrowReference, BigDecimal halfAMinorUnit) {
        assertThat(total(invoice)
                        .subtract(fixture.exportSell(MONTH, arrowReference))
                        .abs())
                .as("%s: each item rounded, none lost", arrowReference)
                .isLessThanOrEqualTo(halfAMinorUnit.multiply(BigDecimal.valueOf(lines(invoice))));
    }

    private static BigDecimal sum(List<JsonNode> syncs, String field) {
        return syncs.stream()
                .map(sync -> new BigDecimal(sync.get(field).asString()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static BigDecimal total(JsonNode invoice) {
        return new BigDecimal(invoice.get("total").asString());
    }

    private static int lines(JsonNode invoice) {
        return invoice.get("items").size();
    }

    /** The customer's row of the month's margins report. */
    private JsonNode marginOf(String arrowReference) {
        for (JsonNode row : api.get(
                        "/api/admin/arrow/reports/margins/?period=" + MONTH + "&settings_uuid=" + fixture.settings())
                .expect(200)
                .json()) {
            if (row.get("customer_uuid").asString().equals(customers.get(arrowReference))) {
                return row;
            }
        }
        throw new AssertionError("no margins of " + arrowReference);
    }

    private List<JsonNode> syncsOf(String arrowReference) {
        List<JsonNode> syncs = new ArrayList<>();
        for (JsonNode sync : api.get(
                        "/api/admin/arrow/billing-syncs/?settings_uuid=" + fixture.settings() + "&page_size=50")
                .expect(200)
                .json()) {
            if (sync.get("arrow_reference").asString().equals(arrowReference)) {
                syncs.add(sync);
            }
        }
        assertThat(syncs).as(arrowReference).isNotEmpty();
        return syncs;
    }
}
