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

    /** Whether the statement is of the month asked for, where one is and the statement names its own. */
    boolean asksFor(Statement statement) {
        return reportPeriod == null
                || statement.reportPeriod() == null
                || reportPeriod.equals(statement.reportPeriod());
    }

    Query toQuery() {
        return Query.empty().with("reportPeriod", reportPeriod).with("customerXspRef", customerXspRef);
    }
}
