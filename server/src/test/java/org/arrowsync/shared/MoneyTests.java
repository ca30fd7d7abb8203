package org.arrowsync.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTests {

    @Test
    void aPriceIsUnitPriceTimesQuantityRoundedHalfUpToTheMinorUnit() {
        assertThat(Money.price(new BigDecimal("12.3450000000"), new BigDecimal("1.0000000000"), "EUR"))
                .isEqualTo(new BigDecimal("12.35"));
        assertThat(Money.price(new BigDecimal("0.3333333333"), new BigDecimal("3.0000000000"), "EUR"))
                .isEqualTo(new BigDecimal("1.00"));
        assertThat(Money.price(new BigDecimal("-2.5050000000"), new BigDecimal("2.0000000000"), "USD"))
                .isEqualTo(new BigDecimal("-5.01"));
        assertThat(Money.price(new BigDecimal("149.5000000000"), new BigDecimal("1.0000000000"), "JPY"))
                .isEqualTo(new BigDecimal("150"));
        assertThat(Money.price(new BigDecimal("1.2345678901"), new BigDecimal("0.5000000000"), "EUR"))
                .isEqualTo(new BigDecimal("0.62"));
        assertThat(Money.price(BigDecimal.ZERO, BigDecimal.ONE, "EUR")).isEqualTo(new BigDecimal("0.00"));
        assertThat(Money.price(new BigDecimal("1E+3"), new BigDecimal("0E-10"), "EUR"))
                .isEqualTo(new BigDecimal("0.00"));
    }

    /** D244: as DRF renders a two-place {@code DecimalField} in Python's default context, half to even. */
    @ParameterizedTest(name = "{0} as {1}")
    @CsvSource({
        "12.3450000000, 12.34",
        "12.3550000000, 12.36",
        "12.3450000001, 12.35",
        "-0.1250000000, -0.12",
        "449.5850000000, 449.58",
        "7, 7.00",
    })
    void aSummaryAmountRoundsHalfToEvenAsTheContractRendersIt(String amount, String rendered) {
        assertThat(Money.summary(new BigDecimal(amount))).isEqualTo(new BigDecimal(rendered));
    }

    @Test
    void aPriceIsTheSameAsTheFullProductRounded() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            BigDecimal unitPrice = BigDecimal.valueOf(random.nextLong() % 1_000_000_000_000_000L, 10);
            BigDecimal quantity = BigDecimal.valueOf(random.nextInt(2_000_000) - 1_000_000, random.nextInt(11))
                    .setScale(10, RoundingMode.UNNECESSARY);
            for (String currency : new String[] {"EUR", "JPY", "BHD"}) {
                assertThat(Money.price(unitPrice, quantity, currency))
                        .isEqualTo(unitPrice
                                .multiply(quantity)
                                .setScale(Money.minorUnits(currency), RoundingMode.HALF_UP));
            }
        }
    }

    /**
     * A correction brings what was billed to the target, both rounded to the currency's minor unit as an invoice bills
     * them: whole cents, yen or fils, none where the rounded amounts agree (D156, D169).
     */
    @ParameterizedTest(name = "[{0}] {1} to {2} in {3}: {4}")
    @CsvSource({
        "206.00, 205.005, EUR, 0.99",
        "206.00, 206.005, EUR, -0.01",
        "205.005, 205.01, EUR, 0",
        "10.009, 10.00, EUR, 0.01",
        "10.004, 10.00, EUR, 0",
        "0, 12.345, EUR, -12.35",
        "-10.005, 0, EUR, -10.01",
        "1001.60, 1000, JPY, 2",
        "1000.40, 1000, JPY, 0",
        "1.2345, 1.2, BHD, 0.035",
        "0.009, 0, QQQ, 0.01"
    })
    void aCorrectionIsWholeMinorUnitsBetweenTheRoundedAmounts(
            String target, String billed, String currency, String correction) {
        assertThat(Money.correction(
                        new BigDecimal(target),
                        Money.billed(new BigDecimal(billed), BigDecimal.ZERO, currency),
                        currency))
                .isEqualByComparingTo(correction);
    }

    /**
     * D267: a line corrected before D169 holds corrections in fractions of a cent (−0.0079990 booked as such); what is
     * left of a unit is no correction, and a larger difference is booked in whole units, never as a 0.00 item.
     */
    @ParameterizedTest
    @CsvSource({
        "9176.58, 9176.61, -0.0320000, 0",
        "9176.58, 9176.61, -0.0279990, 0",
        "9176.62, 9176.61, -0.0079990, 0.02",
        "100.00, 99.50, 0.4950000, 0",
        "101.00, 99.50, 0.4950000, 1.01"
    })
    void aFractionLeftByACorrectionBookedBeforeWholeUnitsIsNoCorrection(
            String target, String item, String corrections, String correction) {
        BigDecimal booked = Money.correction(
                new BigDecimal(target), Money.billed(new BigDecimal(item), new BigDecimal(corrections), "EUR"), "EUR");
        assertThat(booked).isEqualByComparingTo(correction);
        assertThat(booked.stripTrailingZeros().scale()).as("whole cents").isLessThanOrEqualTo(2);
    }

    @Test
    void aCurrencyCodeIsKeptUpperCaseAndABlankOneHasCents() {
        assertThat(Money.currency(" jpy ")).isEqualTo("JPY");
        assertThat(Money.currency("  ")).isNull();
        assertThat(Money.minorUnits(" ")).isEqualTo(2);
        assertThat(Money.minorUnits("bhd")).isEqualTo(3);
    }

    /**
     * A correction's state stays put: the item is rounded alone, as the invoice rounds it, so a line at a half cent
     * dropped, reconciled again, restored and moved below zero is corrected once each way, never by a flip-flopping
     * cent (HALF_UP rounds halves away from zero, so rounding the item and its credit together would).
     */
    @Test
    void aLineAtAHalfCentDroppedAndRestoredIsCorrectedOnceEachWay() {
        BigDecimal item = new BigDecimal("205.005");
        BigDecimal corrections = BigDecimal.ZERO;
        for (String target : List.of("0", "0", "205.005", "205.005", "-3.005", "-3.005", "0")) {
            BigDecimal correction =
                    Money.correction(new BigDecimal(target), Money.billed(item, corrections, "EUR"), "EUR");
            corrections = corrections.add(correction);
            assertThat(Money.billed(item, corrections, "EUR"))
                    .as("billed for %s", target)
                    .isEqualByComparingTo(new BigDecimal(target).setScale(2, RoundingMode.HALF_UP));
        }
        assertThat(Money.correction(BigDecimal.ZERO, Money.billed(item, corrections, "EUR"), "EUR"))
                .as("nothing more to book")
                .isZero();
    }

    /**
     * An item beside whole-unit corrections bills, with them, its line's amount rounded: exact, but where at a half
     * unit the two signs differ (a re-pricing's +5.00 on a line Arrow then lowers to 4.995).
     */
    @ParameterizedTest(name = "[{0}] {1} less {2} in {3}: item {4}")
    @CsvSource({
        "4.995, 5.00, EUR, 0.00",
        "0.005, 0.01, EUR, 0.00",
        "12.345, 2.00, EUR, 10.345",
        "-0.005, -0.01, EUR, 0.00",
        "0.5, 1, JPY, 0",
        "0.0005, 0.001, KWD, 0.000",
        "10.005, 0, EUR, 10.005"
    })
    void anItemBesideItsCorrectionsBillsItsLinesAmountRounded(
            String amount, String corrections, String currency, String item) {
        BigDecimal given = Money.itemAmount(new BigDecimal(amount), new BigDecimal(corrections), currency);
        assertThat(given).isEqualByComparingTo(item);
        assertThat(Money.billed(given, new BigDecimal(corrections), currency))
                .isEqualByComparingTo(Money.rounded(new BigDecimal(amount), currency));
    }

    /** Both bounds at once: Arrow's amounts keep 12 digits before the point, a line's amounts 20 (D75, D79). */
    @ParameterizedTest(name = "[{0}] taken from Arrow: {1}, fits a line: {2}")
    @CsvSource({
        "999999999999.9999999999, true, true",
        "-999999999999.99, true, true",
        "0.000000000000000000000000000001, true, true",
        "1E-30, true, true",
        "0E+20, true, true",
        "0.00000, true, true",
        "999999999999.99999999995, false, true",
        "1000000000000, false, true",
        "-1000000000000.00, false, true",
        "1E+12, false, true",
        "1E+19, false, true",
        "99999999999999999999.9999999999, false, true",
        "-99999999999999999999.99999999995, false, false",
        "1E+20, false, false",
        "1E+999999999, false, false",
        "1E-31, false, false",
        "1E-999999999, false, false",
        "0E-999999999, false, false"
    })
    void holdsArrowsAmountsToTwelveDigitsBeforeThePointAndALinesToTwenty(
            String text, boolean fromArrow, boolean fitsLine) {
        BigDecimal amount = new BigDecimal(text);
        assertThat(Money.fromArrow(amount)).as("taken from Arrow").isEqualTo(fromArrow);
        assertThat(Money.fitsLine(amount)).as("fits a line").isEqualTo(fitsLine);
    }
}
