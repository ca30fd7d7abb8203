package org.arrowsync.arrowclient;

import java.time.YearMonth;

/**
 * Filters of the statement list; a null filter is not sent.
 *
 * @param reportPeriod {@code reportPeriod} ({@code YYYY-MM})
 * @param customerXspRef {@code customerXspRef}
 */
public record StatementQuery(YearMonth reportPeriod, String customerXspRef) {

    public static StatementQuery forPeriod(YearMonth period) {
        return new StatementQuery(period, null);
    }

    Query toQuery() {
        return Query.empty().with("reportPeriod", reportPeriod).with("customerXspRef", customerXspRef);
    }
}
