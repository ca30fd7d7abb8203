package org.arrowsync.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Writes CSV as RFC 4180 has it (comma-separated, CRLF after each row, a field holding a comma, a quote or a line break
 * in double quotes with its quotes doubled), and safe to open in a spreadsheet: a text cell that starts with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return would be read as a formula, so it gets a leading
 * {@code '}. Numbers are written as numbers, a negative one included. Rows go straight to the writer: memory does not
 * grow with the rows.
 */
public final class Csv {

    private static final String ROW_END = "\r\n";

    private final Writer out;
    private boolean rowStarted;

    public Csv(Writer out) {
        this.out = out;
    }

    /** A whole row of text cells, such as the header. */
    public Csv row(String... cells) {
        for (String cell : cells) {
            text(cell);
        }
        return end();
    }

    /** A text cell; null is an empty one. */
    public Csv text(String value) {
        return cell(value == null ? "" : quoted(defused(value)));
    }

    /** A number cell in plain notation without trailing zeros ({@code 12.34}, {@code -5}); null is an empty one. */
    public Csv number(BigDecimal value) {
        return cell(value == null ? "" : value.stripTrailingZeros().toPlainString());
    }

    /** A date cell, {@code YYYY-MM-DD}; null is an empty one. */
    public Csv date(LocalDate value) {
        return cell(value == null ? "" : value.toString());
    }

    /** Ends the row. */
    public Csv end() {
        write(ROW_END);
        rowStarted = false;
        return this;
    }

    static String defused(String value) {
        if (value.isEmpty()) {
            return value;
        }
        return switch (value.charAt(0)) {
            case '=', '+', '-', '@', '\t', '\r' -> "'" + value;
            default -> value;
        };
    }

    static String quoted(String value) {
        boolean plain = value.chars().noneMatch(c -> c == ',' || c == '"' || c == '\r' || c == '\n');
        return plain ? value : '"' + value.replace("\"", "\"\"") + '"';
    }

    private Csv cell(String text) {
        if (rowStarted) {
            write(",");
        }
        write(text);
        rowStarted = true;
        return this;
    }

    private void write(String text) {
        try {
            out.write(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
