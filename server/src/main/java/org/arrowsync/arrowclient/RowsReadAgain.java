package org.arrowsync.arrowclient;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Rows a page lists again (D243). Arrow's export is paged by number and nothing says its order holds from one page's
 * query to the next: rows tied in its sort may come in another order on the next query, which then lists a row of the
 * page before again and leaves out a row no page lists, every count as it was. A row of the last few pages met again
 * while the listing did not grow (one that grew moves rows forward, D182) marks its page as missing rows, as a short
 * page is (D26), so no reader takes the row never read for one Arrow removed. A row listed twice within one page is no
 * sign of it and counts once (D130). One instance per read of an export, pages in order.
 */
final class RowsReadAgain {

    /** How many pages back a row is looked for: ties reordered across a page's edge reach the page before. */
    static final int PAGES_KEPT = 4;

    /** Each kept page's rows, by reference and cells' hash, with the page they came on. */
    private final Deque<Map<Row, Integer>> recent = new ArrayDeque<>();

    private Pagination first;

    /** How many rows pages have listed again so far. */
    private long listedAgain;

    /**
     * The warning that the page lists rows of earlier pages again, more of them so far than the listing grew by since
     * page 1 (each line Arrow adds to a page already read moves one row forward, to be read twice, D182), if it does;
     * where no total tells how much it grew, any growth in its count of pages explains them. The page's rows are kept
     * for the pages after it either way.
     */
    Optional<String> check(int page, List<ExportRow> rows, Pagination pagination) {
        if (first == null) {
            first = pagination;
        }
        Map<Row, Integer> these = new HashMap<>(rows.size() * 4 / 3 + 1);
        String repeated = null;
        int earlierPage = 0;
        for (ExportRow row : rows) {
            Row key = Row.of(row);
            for (Map<Row, Integer> kept : recent) {
                Integer seenOn = kept.get(key);
                if (seenOn != null) {
                    listedAgain++;
                    if (repeated == null) {
                        repeated = key.reference();
                        earlierPage = seenOn;
                    }
                    break;
                }
            }
            these.put(key, page);
        }
        recent.addFirst(these);
        if (recent.size() > PAGES_KEPT) {
            recent.removeLast();
        }
        if (repeated == null) {
            return Optional.empty();
        }
        Long growth = pagination.growthFrom(first);
        if (growth != null ? listedAgain <= growth : pagination.grewFrom(first)) {
            return Optional.empty();
        }
        String counted = growth == null || growth <= 0
                ? " while it still counted " + pagination.describe()
                : " (" + listedAgain + " rows listed again so far) while it counted " + growth + " more than page 1";
        return Optional.of("listed line " + repeated + " of page " + earlierPage + " again on page " + page + counted
                + ": its rows came in another order from one page to the next, and as many rows as it listed twice"
                + " were never read");
    }

    /** The page with the warning, marked as missing rows. */
    static ExportPage missingRows(ExportPage page, String warning) {
        List<String> warnings = new ArrayList<>(page.warnings());
        warnings.add(warning);
        return new ExportPage(page.headers(), page.rows(), page.page(), page.totalPages(), warnings, true);
    }

    /**
     * A row as it is met again: its Sequence, unique to a line; without one, its order and every cell, hashed (an
     * order's lines share its Id, D190).
     */
    private record Row(String reference, int cells) {

        static Row of(ExportRow row) {
            String sequence = row.value(OrderLines.SEQUENCE);
            return sequence != null
                    ? new Row(sequence, 0)
                    : new Row(row.value(OrderLines.ORDER), row.cells().hashCode());
        }
    }
}
