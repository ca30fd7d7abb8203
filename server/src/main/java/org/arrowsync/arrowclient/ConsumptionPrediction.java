package org.arrowsync.arrowclient;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.arrowsync.shared.Money;
import tools.jackson.databind.JsonNode;

/**
 * What a license consumed so far in a month, as Arrow's consumption prediction endpoint says
 * ({@code values[].consumed}).
 *
 * @param currency null when not reported
 * @param reportPeriod the month predicted; null when not reported
 */
public record ConsumptionPrediction(
        String currency, YearMonth reportPeriod, BigDecimal sellTotal, BigDecimal buyTotal) {

    /** Waldur's {@code GET consumption/license/{ref}/prediction}: the sums of {@code values[].consumed.sell/buy}. */
    static ConsumptionPrediction fromMonthly(JsonNode data) {
        BigDecimal sell = BigDecimal.ZERO;
        BigDecimal buy = BigDecimal.ZERO;
        boolean given = false;
        for (JsonNode value : Json.elements(Json.first(data, "values", "Values"))) {
            JsonNode consumed = Json.first(value, "consumed", "Consumed");
            given |= !Json.first(consumed, "sell", "Sell").isMissingNode()
                    || !Json.first(consumed, "buy", "Buy").isMissingNode();
            sell = sell.add(Json.amount(consumed, "sell", "Sell"));
            buy = buy.add(Json.amount(consumed, "buy", "Buy"));
        }
        if (!given) {
            // no amount is no consumption to bill: read as zero, it took back what the month was billed (D170)
            throw new PayloadProblem("returned no consumed amount");
        }
        return new ConsumptionPrediction(
                Money.currency(Json.text(data, "currency", "Currency")),
                Json.period(data, "reportPeriod", "ReportPeriod"),
                sell,
                buy);
    }
}
