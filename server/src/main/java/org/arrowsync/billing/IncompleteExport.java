package org.arrowsync.billing;

import java.time.YearMonth;
import java.util.List;
import org.arrowsync.shared.Rejected;

/**
 * Arrow's export of a month is not complete enough to run on, so what a run did not see in it must not be taken as
 * removed: it has no line a run can use (empty, or no line read whole) for a month already billed (D3, D29), or, for
 * reconciliation, rows are missing from a page (D26).
 */
final class IncompleteExport extends Rejected {

    private IncompleteExport(String message) {
        super(message);
    }

    /**
     * {@code firstProblem} is what the first row lacked, as the job's errors name it; null when there were no rows. The
     * cause and the consequence come first: a list of jobs shows a message's beginning.
     */
    static IncompleteExport withoutLines(long rows, YearMonth period, String firstProblem, String consequence) {
        return new IncompleteExport(
                rows == 0
                        ? "Arrow returned no billing lines for " + period + ": " + consequence
                        : "None of Arrow's " + rows + " billing lines for " + period + " could be read whole, "
                                + consequence + ". The first: " + firstProblem
                                + ". Each needs a line reference (Sequence or"
                                + " Order Id) and readable amounts, date and period; the job's errors say what each lacked.");
    }

    static IncompleteExport rowsMissing(List<String> warnings, YearMonth period, String consequence) {
        return new IncompleteExport(
                String.join("; ", warnings) + ": Arrow's export of " + period + " is incomplete; " + consequence);
    }
}
