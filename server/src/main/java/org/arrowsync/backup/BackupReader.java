package org.arrowsync.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Reads a backup file line by line and hands its parts to a {@link Sink}, checking as it goes what the file promises:
 * each table's row count and checksum, and the checksum of the whole. Anything missing, extra or different is a
 * {@link BackupRefused}; a sink that writes must therefore keep its writes undone until the end.
 */
final class BackupReader {

    /** What is done with each part of the file. */
    interface Sink {
        default void table(Table table) throws SQLException {}

        default void row(String line) throws SQLException {}

        default void endOfTable(Table table, long rows, String checksum) throws SQLException {}

        default void sequence(String name, long value) throws SQLException {}
    }

    private final Path file;
    private final BufferedReader lines;
    private final LineChecksum whole = LineChecksum.discarding();
    private int lineNumber;
    private String current;

    private BackupReader(Path file, BufferedReader lines) {
        this.file = file;
        this.lines = lines;
    }

    /** Reads the whole file through the sink; returns what it held. */
    static BackupSummary read(Path file, Sink sink) throws SQLException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(file), 1 << 16), StandardCharsets.UTF_8))) {
            return new BackupReader(file, lines).read(sink);
        } catch (IOException e) {
            throw new BackupRefused(
                    "The file " + file + " is not a complete arrowsync backup (" + e.getMessage() + ")", e);
        }
    }

    /** Reads the whole file, checking it, without using its rows. */
    static BackupSummary verify(Path file) {
        try {
            return read(file, new Sink() {});
        } catch (SQLException e) {
            throw new IllegalStateException("A sink that does nothing touched a database", e);
        }
    }

    private BackupSummary read(Sink sink) throws IOException, SQLException {
        if (!BackupFormat.MAGIC.equals(next())) {
            throw refused("it does not start with \"" + BackupFormat.MAGIC + "\"");
        }
        String schema = field(next(), BackupFormat.SCHEMA, 2)[1];
        field(next(), BackupFormat.CREATED, 2);
        int tables = 0;
        long rows = 0;
        String line = next();
        while (line.startsWith(BackupFormat.TABLE + " ")) {
            Table table = table(line);
            sink.table(table);
            rows += rowsOf(table, sink);
            tables++;
            line = next();
        }
        while (line.startsWith(BackupFormat.SEQUENCE + " ")) {
            String[] sequence = field(line, BackupFormat.SEQUENCE, 3);
            sink.sequence(identifier(sequence[1]), number(sequence[2]));
            line = next();
        }
        String checksum = whole.checksum();
        String[] end = field(line, BackupFormat.END, 4);
        if (number(end[1]) != tables || !end[3].equals(checksum)) {
            throw refused("its contents do not match their checksum: it was altered");
        }
        if (lines.readLine() != null) {
            throw refused("it goes on after its end");
        }
        return new BackupSummary(schema, tables, rows);
    }

    private long rowsOf(Table table, Sink sink) throws IOException, SQLException {
        LineChecksum data = LineChecksum.discarding();
        for (String line = next(); !line.equals(BackupFormat.END_OF_ROWS); line = next()) {
            data.line(line);
            sink.row(line);
        }
        long rows = data.lines();
        String checksum = data.checksum();
        String[] count = field(next(), BackupFormat.ROWS, 4);
        if (number(count[1]) != rows || !count[3].equals(checksum)) {
            throw refused("the rows of table " + table.name() + " do not match their count and checksum");
        }
        sink.endOfTable(table, rows, checksum);
        return rows;
    }

    private Table table(String line) throws IOException {
        String[] parts = field(line, BackupFormat.TABLE, 3);
        List<String> columns =
                Arrays.stream(parts[2].split(",")).map(this::identifier).toList();
        return new Table(identifier(parts[1]), columns, List.of());
    }

    /** The next line; the one before it joins the whole file's checksum, which the last line does not cover. */
    private String next() throws IOException {
        if (current != null) {
            whole.line(current);
        }
        current = lines.readLine();
        if (current == null) {
            throw refused("it ends early, at line " + lineNumber + ": it was cut short");
        }
        lineNumber++;
        return current;
    }

    private String[] field(String line, String word, int parts) {
        String[] split = line.split(" ", parts);
        if (!split[0].equals(word) || split.length != parts) {
            throw refused("line " + lineNumber + " should be \"" + word + " …\"");
        }
        return split;
    }

    private String identifier(String name) {
        if (!Table.isPlainIdentifier(name)) {
            throw refused("line " + lineNumber + " names \"" + name + "\", not a table or column of arrowsync");
        }
        return name;
    }

    private long number(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw refused("line " + lineNumber + " has \"" + text + "\" where a number belongs");
        }
    }

    private BackupRefused refused(String why) {
        return new BackupRefused("The file " + file + " is not a usable arrowsync backup: " + why + ".");
    }
}
