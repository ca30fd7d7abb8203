package org.arrowsync.arrowclient;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.arrowsync.shared.Money;

/** Typed reads of one table row with column fallbacks; unreadable cells are collected as problems. */
final class RowReader {

    private final Columns columns;
    private final List<String> cells;
    private final List<String> problems = new ArrayList<>();

    RowReader(Columns columns, List<String> cells) {
        this.columns = columns;
        this.cells = cells;
    }

    /** The first non-blank cell among {@code fallbacks}, trimmed; null if none. */
    String text(String... fallbacks) {
        return columns.firstValue(cells, fallbacks);
    }

    /** The cell of {@code column}, trimmed; null if blank or absent. No array per call: every row reads a dozen. */
    String text(String column) {
        return columns.value(cells, column);
    }

    /**
     * The first non-blank amount among {@code fallbacks}; {@code absent} if none; null (and a problem) if unreadable or
     * more than the ledger takes from Arrow ({@link Money#fromArrow}, D75).
     */
    BigDecimal amount(BigDecimal absent, String... fallbacks) {
        Columns.Found found = columns.first(cells, fallbacks);
        return found == null ? absent : parsed(found);
    }

    /**
     * A total among {@code fallbacks}, as {@link #amount} reads it. A blank or {@code null} cell is a problem (null),
     * never zero: an amount Arrow did not give may be any amount; so is a template without any of the columns (D210),
     * which a partner may make (its columns are the partner's choice).
     */
    BigDecimal total(String... fallbacks) {
        Columns.Found found = columns.first(cells, fallbacks);
        if (found != null) {
            return parsed(found);
        }
        for (String column : fallbacks) {
            if (columns.has(column)) {
                problems.add("no amount in " + column);
                return null;
            }
        }
        problems.add("the export template has no " + String.join(" or ", fallbacks) + " column");
        return null;
    }

    private BigDecimal parsed(Columns.Found found) {
        BigDecimal amount = Amounts.parse(found.value());
        String problem = Amounts.problem(found.column(), found.value(), amount);
        if (problem != null) {
            problems.add(problem);
            return null;
        }
        return amount;
    }

    YearMonth period(String column) {
        return parsed(column, "period", Dates::yearMonth);
    }

    LocalDate date(String column) {
        return parsed(column, "date", Dates::localDate);
    }

    private <T> T parsed(String column, String what, Function<String, T> parser) {
        String value = text(column);
        try {
            return parser.apply(value);
        } catch (DateTimeException e) {
            problems.add("unreadable " + what + " in " + column + ": '" + Columns.shorten(value) + "'");
            return null;
        }
    }

    void problem(String text) {
        problems.add(text);
    }

    List<String> problems() {
        return problems;
    }
}
