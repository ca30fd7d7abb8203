package org.arrowsync.backup;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A table as a backup holds it: its name, the columns written (in order) and the key its rows are sorted by, so that
 * the same rows always give the same bytes and so the same checksum.
 */
record Table(String name, List<String> columns, List<String> key) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    Table {
        columns = List.copyOf(columns);
        key = List.copyOf(key);
    }

    /** Names read from a file go into SQL: only plain lower-case identifiers pass. */
    static boolean isPlainIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    String copyOut() {
        List<String> order = key.isEmpty() ? columns : key;
        return "copy (select " + quoted(columns) + " from " + quote(name) + " order by " + quoted(order)
                + ") to stdout";
    }

    String hasRows() {
        return "select exists (select 1 from " + quote(name) + ")";
    }

    String copyIn() {
        return "copy " + quote(name) + " (" + quoted(columns) + ") from stdin";
    }

    /**
     * Turns the table's own triggers off or on: a restore loads rows as they were, the counts triggers keep included
     * (D65).
     */
    String ownTriggers(boolean enabled) {
        return "alter table " + quote(name) + (enabled ? " enable" : " disable") + " trigger user";
    }

    private static String quoted(List<String> names) {
        return String.join(", ", names.stream().map(Table::quote).toList());
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
