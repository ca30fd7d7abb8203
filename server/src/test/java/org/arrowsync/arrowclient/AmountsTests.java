package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AmountsTests {

    @ParameterizedTest(name = "[{0}] -> {1}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "100.5        | 100.5",
                "'  42 '      | 42",
                "1,000.00     | 1000.00",
                "€ 12.30      | 12.30",
                "$1,234.5     | 1234.5",
                "£7           | 7",
                "-3.25        | -3.25",
                "'1,234,567'  | 1234567",
                "'-$1,234'    | -1234",
                "'1 000.10'   | 1000.10",
                "'1\u00A0000.10' | 1000.10",
                "'\u2003 7.5 \u2003' | 7.5",
                "+2.5         | 2.5",
                "0.00001      | 0.00001",
                "1E+3         | 1E+3",
                "''           | 0",
                "'   '        | 0",
                "NULL         | 0",
            })
    void parsesArrowAmounts(String text, String expected) {
        assertThat(Amounts.parse(text)).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest(name = "[{0}] is not an amount")
    @CsvSource(
            delimiter = '|',
            value = {
                "abc",
                "NaN",
                "Infinity",
                "1.2.3",
                "12-",
                "EUR 5",
                "--1",
                "'5,37630'",
                "'1.615,08'",
                "'1,23'",
                "'12,3456.7'",
                "',123'",
                "'0,125'"
            })
    void refusesWhatIsNotADecimal(String text) {
        assertThat(Amounts.parse(text)).isNull();
    }

    @Test
    void requireNamesTheFieldOfAnUnreadableAmount() {
        assertThatThrownBy(() -> Amounts.require("sellTotal", "abc"))
                .isInstanceOf(PayloadProblem.class)
                .hasMessageContaining("sellTotal")
                .hasMessageContaining("'abc'");
    }

    @ParameterizedTest(name = "[{0}] is refused")
    @CsvSource({"1E+999999999", "-1E+999999999", "1E-999999999", "1000000000000"})
    void requireRefusesAnAmountNoLedgerCouldStoreBeforeComputingWithIt(String text) {
        assertThatThrownBy(() -> Amounts.require("amount", text))
                .isInstanceOf(PayloadProblem.class)
                .hasMessage("returned an amount out of range in amount: '" + text
                        + "' (at most 12 digits before the point and 30 after it)");
    }

    @Test
    void keepsTheScaleAsSent() {
        assertThat(Amounts.parse("10.50000").scale()).isEqualTo(5);
    }
}
