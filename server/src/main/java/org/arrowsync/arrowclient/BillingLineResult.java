package org.arrowsync.arrowclient;

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
}
