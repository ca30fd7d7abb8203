package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineAmountTests {

    @ParameterizedTest(name = "{0} over quantity {1}: {2} × {3}")
    @CsvSource({
        // the unit price the quantity implies, when exact
        "30.00, 3, 10, 3",
        "0.75, 0.5, 1.5, 0.5",
        // not exact at ten decimals: the total once
        "10.00, 3, 10.00, 1",
        // exact, and twenty digits before the point: the most a line's columns keep (D79)
        "10000000000000000000, 0.5, 20000000000000000000, 0.5",
        // exact, but past a line's twenty digits before the point: the total once
        "10000000000000000000, 0.1, 10000000000000000000, 1",
        "900000000000.00, 0.0000000001, 900000000000.00, 1",
        // a quantity finer than the ten decimals its column keeps: the total once
        "1.00, 0.00000000001, 1.00, 1",
        // no quantity, or none to use
        "12.34, 1, 12.34, 1",
        "12.34, 0, 12.34, 1",
        "12.34, -2, 12.34, 1"
    })
    void splitsATotalIntoUnitPriceAndQuantityOnlyWhenExactAndStorable(
            String total, String quantity, String unitPrice, String itemQuantity) {
        LineAmount amount = LineAmount.of(new BigDecimal(total), new BigDecimal(quantity));

        assertThat(amount.unitPrice()).isEqualByComparingTo(unitPrice);
        assertThat(amount.quantity()).isEqualByComparingTo(itemQuantity);
        assertThat(amount.unitPrice().multiply(amount.quantity())).isEqualByComparingTo(total);
    }
}
