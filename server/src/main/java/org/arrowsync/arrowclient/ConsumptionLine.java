package org.arrowsync.arrowclient;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One line of a license's monthly consumption. The column fallbacks of the consumption tables live in {@link #parse}.
 *
 * @param reportPeriod {@code Report Period}; null when absent
 * @param sellTotal {@code Total sell price}, else {@code Country customer total}; 0 when both empty
 * @param buyTotal {@code Total buy price}, else {@code Country reseller total}; 0 when both empty
 * @param quantity {@code Level Chargeable Quantity}; 0 when empty
 * @param currency {@code Country currency code}; null when absent
 * @param cells the row as sent, positionally matching the report's headers
 */
public record ConsumptionLine(
        YearMonth reportPeriod,
        String vendorProductName,
        String meterCategory,
        String meterSubCategory,
        String unit,
        BigDecimal quantity,
        BigDecimal sellTotal,
        BigDecimal buyTotal,
        String currency,
        List<String> cells) {

    public ConsumptionLine {
        cells = Collections.unmodifiableList(new ArrayList<>(cells));
    }

    /** The line, or a {@link PayloadProblem} when an amount, quantity or period cannot be read. */
    static ConsumptionLine parse(Columns columns, List<String> cells, int number) {
        RowReader row = new RowReader(columns, cells);
        ConsumptionLine line = new ConsumptionLine(
                row.period("Report Period"),
                row.text("Vendor Product Name"),
                row.text("Vendor Meter Category"),
                row.text("Vendor Meter Sub-Category"),
                row.text("UOM"),
                row.amount(BigDecimal.ZERO, "Level Chargeable Quantity"),
                row.amount(BigDecimal.ZERO, "Total sell price", "Country customer total"),
                row.amount(BigDecimal.ZERO, "Total buy price", "Country reseller total"),
                row.text("Country currency code"),
                cells);
        if (!row.problems().isEmpty()) {
            throw new PayloadProblem("consumption line " + number + ": " + String.join("; ", row.problems()));
        }
        return line;
    }
}
