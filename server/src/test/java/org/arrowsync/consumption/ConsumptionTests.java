package org.arrowsync.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.arrowsync.arrowclient.ConsumptionLine;
import org.arrowsync.arrowclient.ConsumptionReport;
import org.arrowsync.consumption.LicenseMonthBilling.Totals;
import org.junit.jupiter.api.Test;

/** D9 for consumption: one license-month's amounts add up only within one currency. */
class ConsumptionTests {

    @Test
    void aReportInOneCurrencyKeepsItAndOneWithoutAnyNamesNone() {
        assertThat(Consumption.of("XSP1", report("USD", "USD", null)).currency())
                .isEqualTo("USD");
        Consumption unnamed = Consumption.of("XSP1", report(null, " "));
        assertThat(unnamed.currency())
                .as("Arrow named none: the settings record's, D261")
                .isNull();
        assertThat(Consumption.of("XSP1", report("EUR", "EUR")).sell()).isEqualByComparingTo("2");
    }

    @Test
    void aReportMixingCurrenciesIsRefused() {
        assertThatThrownBy(() -> Consumption.of("XSP1", report("EUR", "USD")))
                .isInstanceOf(MixedCurrencies.class)
                .hasMessageContaining("XSP1")
                .hasMessageContaining("EUR, USD");
    }

    @Test
    void exportTotalsAddUpWithinOneCurrencyOnly() {
        Totals one = Totals.of(BigDecimal.ONE, BigDecimal.ONE, "EUR", LicenseKind.UNKNOWN, true)
                .plus(Totals.of(BigDecimal.TEN, BigDecimal.ONE, null, LicenseKind.UNKNOWN, true));
        assertThat(one.sell()).isEqualByComparingTo("11");
        assertThat(one.namedCurrency("XSP1")).isEqualTo("EUR");
        assertThat(Totals.of(BigDecimal.ONE, BigDecimal.ONE, null, LicenseKind.UNKNOWN, true)
                        .namedCurrency("XSP1"))
                .as("none named: the license-month's own applies (D106)")
                .isNull();
        Totals mixed = one.plus(Totals.of(BigDecimal.ONE, BigDecimal.ONE, "USD", LicenseKind.UNKNOWN, true));
        assertThatThrownBy(() -> mixed.namedCurrency("XSP1"))
                .isInstanceOf(MixedCurrencies.class)
                .hasMessageContaining("EUR, USD");
    }

    @Test
    void exportTotalsNameTheLicenseByTheFirstLineThatKnowsIt() {
        Totals totals = Totals.of(BigDecimal.ONE, BigDecimal.ONE, "EUR", new LicenseKind(" Microsoft ", ""), true)
                .plus(Totals.of(BigDecimal.ONE, BigDecimal.ONE, "EUR", new LicenseKind("Other", "IAAS"), true));
        assertThat(totals.license()).isEqualTo(new LicenseKind("Microsoft", "IAAS"));
    }

    @Test
    void exportTotalsAreValidatedOnlyWhenEveryLineIs() {
        Totals validated = Totals.of(BigDecimal.ONE, BigDecimal.ONE, "EUR", LicenseKind.UNKNOWN, true);
        Totals pending = Totals.of(BigDecimal.ONE, BigDecimal.ONE, "EUR", LicenseKind.UNKNOWN, false);
        assertThat(validated.plus(validated).validated()).isTrue();
        assertThat(validated.plus(pending).validated()).isFalse();
        assertThat(pending.plus(validated).validated()).isFalse();
    }

    private static ConsumptionReport report(String... currencies) {
        List<ConsumptionLine> lines = Arrays.stream(currencies)
                .map(currency -> new ConsumptionLine(
                        null,
                        "Product",
                        null,
                        null,
                        null,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        BigDecimal.ONE,
                        currency,
                        List.of()))
                .toList();
        BigDecimal total = BigDecimal.valueOf(lines.size());
        return new ConsumptionReport(List.of(), lines, total, total, List.of(), true);
    }
}
