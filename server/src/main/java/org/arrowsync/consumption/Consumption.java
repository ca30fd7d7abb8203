package org.arrowsync.consumption;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.arrowclient.ConsumptionLine;
import org.arrowsync.arrowclient.ConsumptionPrediction;
import org.arrowsync.arrowclient.ConsumptionReport;
import org.arrowsync.shared.Money;

/** A license's consumed amounts for one month, as Arrow reports them. */
record Consumption(BigDecimal sell, BigDecimal buy, int lines, String currency) {

    boolean isZero() {
        return sell.signum() == 0 && buy.signum() == 0;
    }

    /**
     * The month's consumption. Only for the current month may a failing consumption call fall back to the prediction,
     * which always describes the current month (a past month never gets the current month's prediction).
     */
    static Consumption fetch(ArrowClient client, String licenseReference, YearMonth period, YearMonth currentMonth) {
        try {
            return of(client.monthlyConsumption(licenseReference, period, period));
        } catch (ArrowException failure) {
            if (!period.equals(currentMonth)) {
                throw failure;
            }
            ConsumptionPrediction prediction = predictionOrRethrow(client, licenseReference, failure);
            if (prediction.reportPeriod() != null && !prediction.reportPeriod().equals(period)) {
                throw failure;
            }
            String currency = prediction.currency() == null ? Money.DEFAULT_CURRENCY : prediction.currency();
            return new Consumption(prediction.sellTotal(), prediction.buyTotal(), 0, currency);
        }
    }

    static Consumption of(ConsumptionReport report) {
        String currency = report.lines().stream().map(ConsumptionLine::currency).filter(c -> c != null && !c.isBlank()).findFirst()
                .orElse(Money.DEFAULT_CURRENCY);
        return new Consumption(report.sellTotal(), report.buyTotal(), report.lines().size(), currency);
    }

    private static ConsumptionPrediction predictionOrRethrow(ArrowClient client, String licenseReference, ArrowException original) {
        try {
            return client.consumptionPrediction(licenseReference);
        } catch (ArrowException ignored) {
            throw original;
        }
    }
}
