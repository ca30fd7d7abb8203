package org.arrowsync.arrowclient;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.arrowsync.shared.Money;

/**
 * One line of a license's monthly consumption. The column fallbacks of the consumption tables live in {@link #parse}.
 *
 * @param reportPeriod {@code Report Period}; null when absent or unreadable
 * @param sellTotal {@code Total sell price}, else {@code Country customer total}; 0 when both absent
 * @param buyTotal {@code Total buy price}, else {@code Country reseller total}; 0 when both absent
 * @param quantity {@code Level Chargeable Quantity}; 0 when absent, null when unreadable
 * @param currency {@code Country currency code}, upper case ({@link Money#currency}); null when absent
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

    /** The sell amount's columns, the first given read. */
    private static final String[] SELL = {"Total sell price", "Country customer total"};
    /** The buy amount's columns, the first given read. */
    private static final String[] BUY = {"Total buy price", "Country reseller total"};

    public ConsumptionLine {
        currency = Money.currency(currency);
        cells = Collections.unmodifiableList(new ArrayList<>(cells));
    }

    /** Whether the row gives a sell or a buy amount: a blank or {@code null} cell gives none. */
    static boolean priced(Columns columns, List<String> cells) {
        return columns.first(cells, SELL) != null || columns.first(cells, BUY) != null;
    }

    /**
     * The line; a {@link PayloadProblem} when an amount cannot be read, since the report's totals would then be wrong.
     * What is wrong with the other columns (an unreadable quantity or period, surplus cells) is added to {@code notes}
     * and the line kept: official fixtures have text in numeric-looking columns and more cells than headers.
     */
    static ConsumptionLine parse(Columns columns, List<String> cells, int number, List<String> notes) {
        RowReader amounts = new RowReader(columns, cells);
        BigDecimal sell = amounts.amount(BigDecimal.ZERO, SELL);
        BigDecimal buy = amounts.amount(BigDecimal.ZERO, BUY);
        if (!amounts.problems().isEmpty()) {
            throw new PayloadProblem("consumption line " + number + ": " + String.join("; ", amounts.problems()));
        }
        RowReader row = new RowReader(columns, cells);
        ConsumptionLine line = new ConsumptionLine(
                row.period("Report Period"),
                row.text("Vendor Product Name"),
                row.text("Vendor Meter Category"),
                row.text("Vendor Meter Sub-Category"),
                row.text("UOM"),
                row.amount(BigDecimal.ZERO, "Level Chargeable Quantity"),
                sell,
                buy,
                row.text("Country currency code"),
                cells);
        if (columns.overflows(cells)) {
            row.problem(cells.size() + " cells for " + columns.headers().size() + " headers, the surplus ignored");
        }
        row.problems().forEach(problem -> notes.add("consumption line " + number + ": " + problem));
        return line;
    }
}
