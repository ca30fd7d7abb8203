package org.arrowsync.pricing;

import java.util.List;
import java.util.function.Consumer;

/**
 * A feature whose lines bill Arrow amounts under the price rules: the billing sync (the lines it invoices itself) and
 * consumption tracking (the license-months it bills). Margin reports read lines through it and re-pricing asks it what
 * the rules change, so neither reaches into a feature's tables.
 */
public interface PricedLines {

    /** Each line the scope covers, streamed: call inside a transaction; memory does not grow with the lines. */
    void forEach(LineScope scope, Consumer<MarginLine> line);

    /** The sums of those lines per customer and currency, added up where the lines are. */
    List<MarginTotals> totals(LineScope scope);

    /**
     * What billing each line of the scope (its settings required) at {@code prices} changes: Arrow's latest amount
     * priced by the rules, minus what the line has been charged; each correction is given to {@code refusals} in the
     * order booking places them. Reads only.
     */
    RepricePlan plan(LineScope scope, PriceBook prices, PlannedRefusals refusals);
}
