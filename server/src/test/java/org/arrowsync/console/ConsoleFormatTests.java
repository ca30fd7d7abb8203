package org.arrowsync.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import org.arrowsync.console.ConsoleFormat.Field;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ConsoleFormatTests {

    private final ConsoleFormat format = new ConsoleFormat(Clock.systemUTC());

    @Test
    void aJobsFieldsAreWordsAndWhatWasNotGivenIsLeftOut() {
        var result = JsonMapper.shared().readTree("""
                {"year": 2026, "resource_uuid": null, "note": "", "dry_run": false,
                 "unmatched": [{"company_name": "Contoso", "lines": 17, "amount": "7885.86"},
                               {"company_name": "Fabrikam", "lines": 2, "currency": null}],
                 "errors": []}""");
        assertThat(format.fields(result))
                .containsExactly(
                        new Field("year", "2026", List.of()),
                        new Field("dry run", "false", List.of()),
                        new Field(
                                "unmatched",
                                "company name Contoso, lines 17, amount 7885.86; company name Fabrikam, lines 2",
                                List.of(
                                        "company name Contoso, lines 17, amount 7885.86",
                                        "company name Fabrikam, lines 2")));
    }

    /** A late line has no item of its own and is billed by its correction: it read "nothing (zero)" beside 30.00. */
    @Test
    void aLineWithoutAnItemOfItsOwnIsBilledByItsCorrection() {
        assertThat(format.billedVia("ZERO", true)).isEqualTo("a correction");
        assertThat(format.billedVia("ZERO", false)).isEqualTo("no item of its own");
        assertThat(format.billedVia("INVOICE", false)).isEqualTo("its own item");
    }

    @Test
    void anAmountInItsCurrencyIsShownToItsMinorUnitAsItsInvoiceBillsIt() {
        assertThat(format.money(new BigDecimal("1234.5"), "JPY")).isEqualTo("1,235");
        assertThat(format.money(new BigDecimal("1.2345"), "BHD")).isEqualTo("1.235");
        assertThat(format.money(new BigDecimal("1.005"), "EUR")).isEqualTo("1.01");
        assertThat(format.signed(new BigDecimal("2"), "jpy")).isEqualTo("+2");
        assertThat(format.money(new BigDecimal("1.2345")))
                .as("over several currencies: cents")
                .isEqualTo("1.23");
    }

    @Test
    void amountsLoseTheZerosTheDatabasesScaleAddsButKeepTheirCents() {
        var result = JsonMapper.shared().readTree("""
                {"customers": [{"billed_now": 5497.49983000000000000000, "difference": "0.00000000",
                                "total": "10.50", "count": 3, "reference": "XSP-1.5000"}]}""");
        assertThat(format.fields(result))
                .containsExactly(new Field(
                        "customers",
                        "billed now 5497.49983, difference 0.00, total 10.50, count 3, reference XSP-1.5000",
                        List.of("billed now 5497.49983, difference 0.00, total 10.50, count 3, reference XSP-1.5000")));
    }

    @Test
    void aRefusalInTheApisWordsIsWordedForTheForm() {
        assertThat(format.message("Invalid hyperlink - Object does not exist.")).isEqualTo("Nothing has this UUID.");
        assertThat(format.message("valid_to must not be before valid_from."))
                .isEqualTo("The last month must not be before the first.");
        assertThat(format.message("This field is required.")).isEqualTo("This field is required.");
        assertThat(format.message(null)).isEmpty();
    }

    @Test
    void aUnitPriceKeepsItsDigitsBeyondTheCents() {
        assertThat(format.unitPrice(new java.math.BigDecimal("1905.58207"))).isEqualTo("1,905.58207");
        assertThat(format.unitPrice(new java.math.BigDecimal("20.7500000"))).isEqualTo("20.75");
        assertThat(format.unitPrice(new java.math.BigDecimal("3"))).isEqualTo("3.00");
        assertThat(format.month(java.time.LocalDate.of(2026, 11, 1))).isEqualTo("November 2026");
    }

    @Test
    void aCountOfOneTakesTheSingular() {
        assertThat(format.count(1, "customer gets", "customers get")).isEqualTo("1 customer gets");
        assertThat(format.count(0, "line", "lines")).isEqualTo("0 lines");
        assertThat(format.count(3, "line", "lines")).isEqualTo("3 lines");
    }
}
