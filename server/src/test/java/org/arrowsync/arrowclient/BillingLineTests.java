package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BillingLineTests {

    /** The recorded "MSP" template (DOTNET BillingReport.json), trimmed to the columns that matter. */
    private static final Columns MSP = new Columns(List.of(
            "Order Id",
            "End User Company Name",
            "End User Company ID",
            "Service Name",
            "Qty",
            "Country Marketplace Currency",
            "Service Provider Currency",
            "Vendor Name",
            "Arrow SKU",
            "Total Wholesale Price",
            "Description",
            "Friendly Name",
            "Customer Total Price",
            "Vendor Subscription ID",
            "Sequence",
            "Validation Date",
            "Classification",
            "Report Period",
            "ARS Subscription ID"));

    /** A template with the primary names (WALDUR's first choice columns). */
    private static final Columns PRIMARY = new Columns(List.of(
            "Sequence",
            "Statement Reference",
            "End User Company Name",
            "Sell Total Price",
            "Buy Total Price",
            "Quantity",
            "Vendor Name",
            "Product Name",
            "ARS Subscription ID",
            "Report Period"));

    /** Parsed as the sync reads it: only {@link BillingLine#COLUMNS} read, so a column it forgets fails here. */
    private static BillingLineResult parse(Columns columns, String... cells) {
        return new ExportRow(new Columns(columns.headers(), BillingLine.COLUMNS), Arrays.asList(cells)).billingLine();
    }

    @Test
    void readsTheMspTemplateThroughItsFallbackColumns() {
        BillingLineResult result = parse(
                MSP,
                "ORD-1",
                "Contoso Ltd",
                "XSP111",
                "AWS",
                "2",
                "EUR",
                "USD",
                "Amazon",
                "SKU-9",
                "80.00000",
                "Compute",
                "contoso-prod",
                "100.00000",
                "336014339221",
                "AWSIM24-16967007-50343",
                "08/30/2024",
                "IAAS",
                "2024-07",
                "XSP4092988");
        assertThat(result.isValid()).isTrue();
        assertThat(result.line())
                .isEqualTo(new BillingLine(
                        "AWSIM24-16967007-50343",
                        null,
                        "Contoso Ltd",
                        "XSP111",
                        new BigDecimal("100.00000"),
                        new BigDecimal("80.00000"),
                        new BigDecimal("2"),
                        "Amazon",
                        "contoso-prod",
                        "XSP4092988",
                        "336014339221",
                        "IAAS",
                        "SKU-9",
                        YearMonth.of(2024, 7),
                        LocalDate.of(2024, 8, 30),
                        "EUR"));
        assertThat(result.line().validated()).isTrue();
    }

    @Test
    void readsThePrimaryColumnsFirst() {
        BillingLineResult result = parse(
                PRIMARY,
                "SEQ-1",
                "STMT-9",
                "Fabrikam",
                "1,200.50",
                "€ 900",
                "3",
                "Microsoft",
                "Azure plan",
                "XSP5",
                "2024-08");
        BillingLine line = result.line();
        assertThat(line.lineReference()).isEqualTo("SEQ-1");
        assertThat(line.statementReference()).isEqualTo("STMT-9");
        assertThat(line.sellTotal()).isEqualByComparingTo("1200.50");
        assertThat(line.buyTotal()).isEqualByComparingTo("900");
        assertThat(line.quantity()).isEqualByComparingTo("3");
        assertThat(line.product()).isEqualTo("Azure plan");
        assertThat(line.customerReference()).isNull();
        assertThat(line.currency()).isNull();
        assertThat(line.validationDate()).isNull();
        assertThat(line.validated()).isFalse();
    }

    @Test
    void fallsBackPerValueWhenThePrimaryCellIsEmpty() {
        Columns both = new Columns(List.of(
                "Sequence",
                "Order Id",
                "Sell Total Price",
                "Customer Total Price",
                "Buy Total Price",
                "Total Wholesale Price",
                "Quantity",
                "Qty",
                "Vendor Name",
                "Service Name",
                "Product Name",
                "Friendly Name",
                "Description",
                "Country Marketplace Currency",
                "Service Provider Currency"));
        BillingLine line = parse(
                        both, " ", "ORD-7", "", "10.5", " ", "7.25", "", "4", "", "AWS", "", "", "Support", "", "USD")
                .line();
        assertThat(line.lineReference()).isEqualTo("ORD-7");
        assertThat(line.sellTotal()).isEqualByComparingTo("10.5");
        assertThat(line.buyTotal()).isEqualByComparingTo("7.25");
        assertThat(line.quantity()).isEqualByComparingTo("4");
        assertThat(line.vendor()).isEqualTo("AWS");
        assertThat(line.product()).isEqualTo("Support");
        assertThat(line.currency()).isEqualTo("USD");
    }

    @Test
    void aTemplateWithoutTotalsGivesNoAmountAndAbsentQuantityIsOne() {
        BillingLineResult result = parse(new Columns(List.of("Sequence")), "S-1");
        assertThat(result.isValid()).as("no amount is no zero amount (D210)").isFalse();
        assertThat(result.problem())
                .isEqualTo("export line S-1: the export template has no Sell Total Price or Customer Total Price"
                        + " column; the export template has no Buy Total Price or Total Wholesale Price column");
        BillingLine line = result.line();
        assertThat(line.quantity()).isEqualByComparingTo(BigDecimal.ONE);
        assertThat(line.reportPeriod()).isNull();
    }

    @Test
    void toleratesRowsShorterAndLongerThanTheHeadersButNotWithoutTheirAmounts() {
        BillingLineResult shorter = parse(PRIMARY, "SEQ-1", "STMT-9", "Fabrikam");
        assertThat(shorter.isValid()).isFalse();
        assertThat(shorter.problem())
                .isEqualTo("export line SEQ-1: no amount in Sell Total Price; no amount in Buy Total Price");
        assertThat(shorter.line().statementReference()).isEqualTo("STMT-9");
        BillingLineResult longer =
                parse(PRIMARY, "SEQ-2", "", "Fabrikam", "1", "1", "1", "V", "P", "XSP5", "2024-08", "extra", "cells");
        assertThat(longer.line().statementReference()).isNull();
        assertThat(longer.line().reportPeriod()).isEqualTo(YearMonth.of(2024, 8));
    }

    @ParameterizedTest(name = "Validation Date {0}")
    @ValueSource(strings = {"08/30/2024", "30/08/2024", "30-08-2024", "01/12/2026", "01-12-2026", "2024-08-30"})
    void aLineValidatedInAnyOfArrowsDateFormatsIsValidatedWithItsAmounts(String validationDate) {
        BillingLineResult result = parse(
                MSP,
                "ORD-2",
                "Contoso",
                "",
                "",
                "1",
                "",
                "",
                "",
                "",
                "8",
                "",
                "",
                "10",
                "",
                "SEQ-9",
                validationDate,
                "",
                "2024-07");
        assertThat(result.isValid()).as(result.problem()).isTrue();
        assertThat(result.line().validated()).isTrue();
        assertThat(result.line().sellTotal()).isEqualByComparingTo("10");
    }

    @Test
    void anUnreadableAmountIsAProblemOnThatLineNotAZero() {
        BillingLineResult result = parse(PRIMARY, "SEQ-3", "", "Fabrikam", "12,34abc", "1", "1", "V", "P", "X", "");
        assertThat(result.isValid()).isFalse();
        assertThat(result.reference()).isEqualTo("SEQ-3");
        assertThat(result.problem()).isEqualTo("export line SEQ-3: unreadable amount in Sell Total Price: '12,34abc'");
    }

    /** The quantity only splits the amount (D1): one Arrow writes unreadably is 1, and the line is billed. */
    @Test
    void anUnreadableQuantityIsOneAndTheLineKept() {
        BillingLineResult result = parse(PRIMARY, "SEQ-4", "", "Fabrikam", "12.00", "10", "N/A", "V", "P", "X", "");
        assertThat(result.isValid()).as(String.valueOf(result.problem())).isTrue();
        assertThat(result.line().quantity()).isEqualByComparingTo("1");
        assertThat(result.line().sellTotal()).isEqualByComparingTo("12");
    }

    @Test
    void everyProblemOfTheLineIsReported() {
        BillingLineResult result = parse(
                MSP, "", "Contoso", "", "", "many", "", "", "", "", "x", "", "", "", "", "", "30.08.2024", "", "July");
        assertThat(result.reference()).isNull();
        assertThat(result.problem())
                .startsWith("export line: ")
                .doesNotContain("Qty")
                .contains("unreadable amount in Total Wholesale Price: 'x'")
                .contains("unreadable date in Validation Date: '30.08.2024'")
                .contains("unreadable period in Report Period: 'July'");
    }

    @Test
    void aLineWithoutReferenceIsReadAndARejectedLineKeepsWhatCouldBeRead() {
        BillingLineResult thin = parse(PRIMARY, "", "", "Fabrikam", "10", "8", "1", "V", "P", "XSP5", "2024-08");
        assertThat(thin.isValid()).isTrue();
        assertThat(thin.reference()).isNull();
        assertThat(thin.line().licenseReference()).isEqualTo("XSP5");
        assertThat(thin.line().sellTotal()).isEqualByComparingTo("10");

        BillingLineResult rejected =
                parse(PRIMARY, "SEQ-4", "", "Fabrikam", "#VALUE!", "8", "1", "V", "P", "XSP5", "2024-08");
        assertThat(rejected.isValid()).isFalse();
        assertThat(rejected.line().companyName()).isEqualTo("Fabrikam");
        assertThat(rejected.line().licenseReference()).isEqualTo("XSP5");
        assertThat(rejected.line().sellTotal()).isNull();
    }

    @Test
    void prefersTheOfferNameToTheFriendlyNameWhichMayHoldAnAccountId() {
        Columns recorded = new Columns(List.of("Sequence", "Offer Name", "Description", "Friendly Name"));
        BillingLine line = parse(recorded, "S-1", "AWS Solution Provider Account Model", "Usage 3360", "336014339221")
                .line();
        assertThat(line.product()).isEqualTo("AWS Solution Provider Account Model");
    }

    @ParameterizedTest(name = "[{0}] is an XSP reference: {1}")
    @CsvSource(
            nullValues = "NULL",
            value = {
                "XSP222222, true",
                "xsp222222, true",
                "222222, false",
                "COMPANY12345, false",
                "XS, false",
                "NULL, false"
            })
    void tellsAnXspReferenceFromACustomersBareRef(String id, boolean xsp) {
        assertThat(BillingLine.isXspReference(id)).isEqualTo(xsp);
    }

    @Test
    void aNullTextCellIsAbsentAndAnAbsentAmountIsNoZero() {
        BillingLineResult result =
                parse(PRIMARY, "SEQ-4", "null", "Fabrikam", "NULL", " ", "1", "V", "P", "XSP5", "null");
        BillingLine line = result.line();
        assertThat(line.statementReference()).isNull();
        assertThat(line.reportPeriod()).isNull();
        assertThat(result.isValid()).isFalse();
        assertThat(line.sellTotal()).isNull();
        assertThat(line.buyTotal()).isNull();
        assertThat(result.problem())
                .isEqualTo("export line SEQ-4: no amount in Sell Total Price; no amount in Buy Total Price");
    }

    @Test
    void onlyTheWordNullInAnyCaseIsAbsentNotTextsThatStartOrEndLikeIt() {
        BillingLineResult result = parse(PRIMARY, "SEQ-5", " Null ", "nulla", "0", "1", "1", "NUL", "P", "knull");
        assertThat(result.isValid()).isTrue();
        BillingLine line = result.line();
        assertThat(line.statementReference()).isNull();
        assertThat(line.companyName()).isEqualTo("nulla");
        assertThat(line.sellTotal()).isZero();
        assertThat(line.vendor()).isEqualTo("NUL");
        assertThat(line.licenseReference()).isEqualTo("knull");
    }

    @Test
    void anAmountNoLedgerCanKeepIsAProblemOfItsLineWhateverItsExponent() {
        BillingLineResult result = parse(PRIMARY, "SEQ-6", "", "Fabrikam", "1E+999999999", "1E-999999999", "1");

        assertThat(result.isValid()).isFalse();
        assertThat(result.problem())
                .isEqualTo("export line SEQ-6: amount out of range in Sell Total Price: '1E+999999999' (at most 12"
                        + " digits before the point and 30 after it); amount out of range in Buy Total Price:"
                        + " '1E-999999999' (at most 12 digits before the point and 30 after it)");
        assertThat(result.line().sellTotal()).isNull();
    }

    @Test
    void asMapPairsHeadersWithCellsAndDropsExtras() {
        ExportRow row = new ExportRow(new Columns(List.of("A", "B", "C")), Arrays.asList("1", null, "3", "4"));
        assertThat(row.asMap())
                .containsExactly(
                        org.assertj.core.api.Assertions.entry("A", "1"),
                        org.assertj.core.api.Assertions.entry("B", null),
                        org.assertj.core.api.Assertions.entry("C", "3"));
        assertThat(row.cell("C")).isEqualTo("3");
        assertThat(row.cell("D")).isNull();
        assertThat(row.hasColumn("B")).isTrue();
    }
}
