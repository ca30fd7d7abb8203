package org.arrowsync.arrowclient;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The header row of an Arrow table ({@code headers} + {@code values}/{@code lines}): exact, case-sensitive lookup by
 * name, first occurrence wins; rows shorter or longer than the headers are tolerated, cells read by position. A cell is
 * absent when missing, blank or the text {@code null} (which other users of the API meet in price cells). Columns may
 * be read from some columns only (D81): asking for the cell of another is a mistake of the caller, and refused.
 */
final class Columns {

    private static final int SHORT_TEXT = 40;

    private final List<String> headers;
    private final Map<String, Integer> index = new HashMap<>();
    /** By position, whether the rows hold the cell as sent; null when they hold every cell. */
    private final boolean[] read;

    Columns(List<String> headers) {
        this(headers, null);
    }

    /** The header row of rows that hold only the cells of {@code read} (every cell when null). */
    Columns(List<String> headers, Set<String> read) {
        this.headers = List.copyOf(headers.stream().map(h -> h == null ? "" : h).toList());
        for (int i = 0; i < this.headers.size(); i++) {
            index.putIfAbsent(this.headers.get(i), i);
        }
        if (read == null) {
            this.read = null;
        } else {
            this.read = new boolean[this.headers.size()];
            for (int i = 0; i < this.read.length; i++) {
                this.read[i] = read.contains(this.headers.get(i));
            }
        }
    }

    /** Whether the rows hold the cell at {@code position} (cells past the headers belong to no column: they do not). */
    boolean reads(int position) {
        return read == null || position < read.length && read[position];
    }

    List<String> headers() {
        return headers;
    }

    boolean has(String column) {
        return index.containsKey(column);
    }

    /** The cell of {@code column}; null when the column is absent or the row is too short. */
    String cell(List<String> cells, String column) {
        Integer at = index.get(column);
        if (at != null && read != null && !read[at]) {
            throw new IllegalStateException(
                    "the export's column '" + column + "' was not read: name it among those to read");
        }
        return at == null || at >= cells.size() ? null : cells.get(at);
    }

    /** The trimmed cell of {@code column}; null when absent, blank or {@code null}. */
    String value(List<String> cells, String column) {
        return present(cell(cells, column));
    }

    /** The first present cell among {@code columns}, in fallback order, as {@link Found}; null if none. */
    Found first(List<String> cells, String... columns) {
        for (String column : columns) {
            String value = value(cells, column);
            if (value != null) {
                return new Found(column, value);
            }
        }
        return null;
    }

    /**
     * The trimmed value of {@link #first}, without the column it came from (nor a {@link Found}: every cell of every
     * row is read through here).
     */
    String firstValue(List<String> cells, String... columns) {
        for (String column : columns) {
            String value = value(cells, column);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The trimmed cell, or null when it is absent, blank or {@code null}. */
    private static String present(String cell) {
        if (cell == null) {
            return null;
        }
        String stripped = cell.strip();
        return stripped.isEmpty() || isNullText(stripped) ? null : stripped;
    }

    /** Whether a cell reads {@code null} in any case; most cells are told apart by their length or first letter. */
    private static boolean isNullText(String text) {
        return text.length() == 4 && (text.charAt(0) | 0x20) == 'n' && text.equalsIgnoreCase("null");
    }

    /** Whether a row has more cells than there are headers: its surplus cells belong to no column. */
    boolean overflows(List<String> cells) {
        return cells.size() > headers.size();
    }

    /** Header to cell for every header read that the row reaches; extra cells are dropped. */
    Map<String, String> asMap(List<String> cells) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < Math.min(headers.size(), cells.size()); i++) {
            if (reads(i)) {
                map.putIfAbsent(headers.get(i), cells.get(i));
            }
        }
        return Collections.unmodifiableMap(map);
    }

    /** A cell found by fallback: which column held it and its trimmed value. */
    record Found(String column, String value) {}

    static String shorten(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= SHORT_TEXT ? text : text.substring(0, SHORT_TEXT) + "…";
    }
}
