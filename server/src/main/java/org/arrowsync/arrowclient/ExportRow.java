package org.arrowsync.arrowclient;

import java.util.List;
import java.util.Map;

/** One row of a billing export: cells by column name, and the typed {@link BillingLine} view. */
public final class ExportRow {

    private final Columns columns;
    private final List<String> cells;
    private final int occurrence;

    ExportRow(Columns columns, List<String> cells) {
        this(columns, cells, 1);
    }

    private ExportRow(Columns columns, List<String> cells, int occurrence) {
        this.columns = columns;
        this.cells = cells;
        this.occurrence = occurrence;
    }

    /** The same row as the {@code occurrence}-th line of its order in an export without Sequence (D190). */
    ExportRow asOccurrence(int occurrence) {
        return occurrence == this.occurrence ? this : new ExportRow(columns, cells, occurrence);
    }

    /** Which line of its order the row is when its export has no Sequence: 1 but for an order's later lines (D190). */
    int occurrence() {
        return occurrence;
    }

    /** The cell of {@code column} as sent; null when the export has no such column or the row stops before it. */
    public String cell(String column) {
        return columns.cell(cells, column);
    }

    /** The cell of {@code column} trimmed, as a typed line reads it; null when absent, blank or {@code null}. */
    String value(String column) {
        return columns.value(cells, column);
    }

    /** Whether the export has this column at all. */
    public boolean hasColumn(String column) {
        return columns.has(column);
    }

    /** The typed line, or the problem that makes the row unusable. */
    public BillingLineResult billingLine() {
        return BillingLine.parse(this);
    }

    /** Column to cell, in header order. Only for passing rows through verbatim (the debug export endpoint). */
    public Map<String, String> asMap() {
        return columns.asMap(cells);
    }

    List<String> cells() {
        return cells;
    }

    RowReader reader() {
        return new RowReader(columns, cells);
    }

    @Override
    public String toString() {
        return "ExportRow" + asMap();
    }
}
