package org.arrowsync.arrowclient;

/**
 * A parsed export row: either a {@link BillingLine} or the problem that makes the row unusable (for example an
 * unreadable amount), to be reported on that line rather than turned into a zero.
 *
 * @param line the line; null when {@code problem} is set
 * @param reference the line reference when one could be read (also for a rejected row), else null
 * @param problem what is wrong with the row; null when {@code line} is set
 */
public record BillingLineResult(BillingLine line, String reference, String problem) {

    static BillingLineResult ok(BillingLine line) {
        return new BillingLineResult(line, line.lineReference(), null);
    }

    static BillingLineResult rejected(String reference, String problem) {
        return new BillingLineResult(null, reference, problem);
    }

    public boolean isValid() {
        return line != null;
    }
}
