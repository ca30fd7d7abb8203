package org.arrowsync.arrowclient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import tools.jackson.databind.JsonNode;

/**
 * Arrow's consumption prediction of a license for one month.
 *
 * @param currency null when not reported
 * @param reportPeriod the month predicted; null when not reported
 */
public record ConsumptionPrediction(
        String currency, YearMonth reportPeriod, BigDecimal sellTotal, BigDecimal buyTotal) {

    /**
     * {@code GET licenses/{ref}/predictions/daily} ({@code data{currency, updatedAt, licenseReference,
     * predictions[{date, amount}]}}): the sum of the amounts dated in {@code month}; null when none is. The API gives
     * one amount per day and does not say whose price it is, so it counts for sell and buy alike.
     */
    static ConsumptionPrediction fromDaily(JsonNode data, YearMonth month) {
        BigDecimal sum = BigDecimal.ZERO;
        boolean any = false;
        for (JsonNode day : Json.elements(Json.first(data, "predictions", "Predictions"))) {
            LocalDate date = Json.date(day, "date", "Date");
            if (date != null && YearMonth.from(date).equals(month)) {
                sum = sum.add(Json.amount(day, "amount", "Amount"));
                any = true;
            }
        }
        return any ? new ConsumptionPrediction(Json.text(data, "currency", "Currency"), month, sum, sum) : null;
    }

    /** Waldur's {@code GET consumption/license/{ref}/prediction}: the sums of {@code values[].consumed.sell/buy}. */
    static ConsumptionPrediction fromMonthly(JsonNode data) {
        BigDecimal sell = BigDecimal.ZERO;
        BigDecimal buy = BigDecimal.ZERO;
        for (JsonNode value : Json.elements(Json.first(data, "values", "Values"))) {
            JsonNode consumed = Json.first(value, "consumed", "Consumed");
            sell = sell.add(Json.amount(consumed, "sell", "Sell"));
            buy = buy.add(Json.amount(consumed, "buy", "Buy"));
        }
        return new ConsumptionPrediction(
                Json.text(data, "currency", "Currency"), Json.period(data, "reportPeriod", "ReportPeriod"), sell, buy);
    }
}
