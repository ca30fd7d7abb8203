package org.arrowsync.consumption;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.arrowclient.ConsumptionLine;
import org.arrowsync.arrowclient.ConsumptionPrediction;
import org.arrowsync.arrowclient.ConsumptionReport;

/**
 * A license's consumed amounts for one month, as Arrow reports them.
 *
 * @param currency the currency Arrow named, null when it named none
 * @param notes what was wrong with single lines of Arrow's report without making it unusable, to be reported
 */
record Consumption(BigDecimal sell, BigDecimal buy, int lines, String currency, List<String> notes) {

    boolean isZero() {
        return sell.signum() == 0 && buy.signum() == 0;
    }

    /**
     * The month's consumption. Only for the current month may a failing consumption call fall back to what Arrow's
     * prediction endpoint says was consumed so far, which always describes the current month (a past month never gets
     * the current month's figures); a forecast is never billed.
     */
    static Consumption fetch(ArrowClient client, String licenseReference, YearMonth period, YearMonth currentMonth) {
        try {
            return of(licenseReference, client.billableConsumption(licenseReference, period));
        } catch (ArrowException failure) {
            if (!period.equals(currentMonth)) {
                throw failure;
            }
            ConsumptionPrediction prediction = predictionOrRethrow(client, licenseReference, failure);
            if (prediction.reportPeriod() != null && !prediction.reportPeriod().equals(period)) {
                throw failure;
            }
            return new Consumption(prediction.sellTotal(), prediction.buyTotal(), 0, prediction.currency(), List.of());
        }
    }

    /** The report's totals; lines in more than one currency cannot be added up (D9) and are refused. */
    static Consumption of(String licenseReference, ConsumptionReport report) {
        Set<String> currencies = report.lines().stream()
                .map(ConsumptionLine::currency) // the client keeps a code upper case, null when blank (D168)
                .filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return new Consumption(
                report.sellTotal(),
                report.buyTotal(),
                report.lines().size(),
                MixedCurrencies.oneOf(licenseReference, currencies),
                report.notes());
    }

    private static ConsumptionPrediction predictionOrRethrow(
            ArrowClient client, String licenseReference, ArrowException original) {
        try {
            return client.consumptionPrediction(licenseReference);
        } catch (ArrowException ignored) {
            throw original;
        }
    }
}
