package org.arrowsync.arrowclient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tells apart the lines of one order in an export read without {@code Sequence} (D190). {@code Order Id} then stands
 * for the line, but Arrow keeps one order's id for every line of the subscription, month after month, so a month may
 * list several rows of one order: each is a line of its own, numbered in the order the export lists them
 * ({@code "ORD-1"}, {@code "ORD-1 #2"}, …). A row read again with the same cells (a page Arrow shifted while it was
 * read, a line Arrow lists twice) is the line already numbered. One instance per read of an export, pages in order.
 */
final class OrderLines {

    /** Per order, the hash of each of its lines' cells, in the order they came. */
    private final Map<String, List<Integer>> linesByOrder = new HashMap<>();

    /** The line reference of a row that is the {@code occurrence}-th line of its order. */
    static String reference(String read, int occurrence) {
        return occurrence > 1 && read != null ? read + " #" + occurrence : read;
    }

    /** The page's rows, each numbered as the line of its order it is. Rows with a Sequence are left as they are. */
    ExportPage number(ExportPage page) {
        List<ExportRow> rows = new ArrayList<>(page.rows().size());
        boolean renumbered = false;
        for (ExportRow row : page.rows()) {
            ExportRow numbered = row.asOccurrence(occurrence(row));
            renumbered |= numbered != row;
            rows.add(numbered);
        }
        return renumbered
                ? new ExportPage(
                        page.headers(), rows, page.page(), page.totalPages(), page.warnings(), page.shortened())
                : page;
    }

    private int occurrence(ExportRow row) {
        String order = row.value("Sequence") == null ? row.value("Order Id") : null;
        if (order == null) {
            return 1;
        }
        List<Integer> lines = linesByOrder.computeIfAbsent(order, id -> new ArrayList<>(1));
        int hash = row.cells().hashCode();
        int seen = lines.indexOf(hash);
        if (seen >= 0) {
            return seen + 1;
        }
        lines.add(hash);
        return lines.size();
    }
}
