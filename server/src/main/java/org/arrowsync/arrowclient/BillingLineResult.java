package org.arrowsync.arrowclient;

import java.time.YearMonth;

/**
 * A parsed export row: a {@link BillingLine}, and for an unusable row (for example an unreadable amount) the problem,
 * to be reported on that line rather than turned into a zero.
 *
 * @param line the line; for a rejected row, as far as it could be read (what could not be read is null), so the problem
 *     can be reported on the line's customer
 * @param reference the line reference when one could be read, else null
 * @param problem what is wrong with the row; null when the row is usable
 */
public record BillingLineResult(BillingLine line, String reference, String problem) {

    static BillingLineResult ok(BillingLine line) {
        return new BillingLineResult(line, line.lineReference(), null);
    }

    static BillingLineResult rejected(BillingLine partial, String problem) {
        return new BillingLineResult(partial, partial.lineReference(), problem);
    }

    public boolean isValid() {
        return problem == null;
    }

    /**
     * The row as a line of {@code period}'s export: one whose Report Period names another month is unusable there
     * (D160). Arrow filters an export by that column, so such a row is an export that did not, and billing its line in
     * the month asked for would bill it a second time in its own.
     */
    public BillingLineResult ofMonth(YearMonth period) {
        YearMonth named = line.reportPeriod();
        if (problem != null || named == null || named.equals(period)) {
            return this;
        }
        String where = reference == null ? "export line" : "export line " + reference;
        return new BillingLineResult(
                line,
                reference,
                where + " is of " + named + " in the export of " + period + ": not taken for " + period + " (D160)");
    }
}
