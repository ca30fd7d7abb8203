package org.arrowsync.shared;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * New rows written with PostgreSQL's {@code COPY}, the fastest way it takes rows, on the connection of the transaction
 * in progress (so they commit or roll back with it). Ids are taken from the table's sequence first, so the caller
 * learns each row's id without reading anything back and rows that reference one another are written in turn.
 */
@Component
public class RowCopy {

    /** Bytes of rows handed to the driver at a time, so a large batch is never held as one text. */
    private static final int CHUNK = 64 * 1024;

    private final JdbcTemplate jdbc;

    RowCopy(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /**
     * Writes the rows into {@code table}, each under a new id of the table's sequence {@code sequence} (column
     * {@code id}); {@code values} gives a row's other values in the order of {@code columns} (null, text, numbers,
     * booleans, UUIDs, dates and instants). Returns the ids in the rows' order, ascending.
     */
    public <T> List<Long> insert(
            String table, String sequence, List<String> columns, List<T> rows, Function<T, Object[]> values) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = jdbc.queryForList(
                "select nextval(?::regclass) as id from generate_series(1, ?) order by id",
                Long.class,
                sequence,
                rows.size());
        String sql = "copy " + table + " (id, " + String.join(", ", columns) + ") from stdin";
        jdbc.execute((ConnectionCallback<Long>) connection -> {
            CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
            try {
                ByteArrayOutputStream chunk = new ByteArrayOutputStream(CHUNK + 4096);
                StringBuilder line = new StringBuilder(512);
                for (int i = 0; i < rows.size(); i++) {
                    line.setLength(0);
                    appendRow(line, ids.get(i), values.apply(rows.get(i)), columns.size());
                    byte[] bytes = line.toString().getBytes(StandardCharsets.UTF_8);
                    chunk.write(bytes, 0, bytes.length);
                    if (chunk.size() >= CHUNK) {
                        copy.writeToCopy(chunk.toByteArray(), 0, chunk.size());
                        chunk.reset();
                    }
                }
                copy.writeToCopy(chunk.toByteArray(), 0, chunk.size());
                return copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
        });
        return ids;
    }

    /** One row in COPY's text format: tab between values, {@code \N} for null, a newline at the end. */
    private static void appendRow(StringBuilder line, long id, Object[] values, int columns) {
        if (values.length != columns) {
            throw new IllegalArgumentException(values.length + " values for " + columns + " columns");
        }
        line.append(id);
        for (Object value : values) {
            line.append('\t');
            appendValue(line, value);
        }
        line.append('\n');
    }

    private static void appendValue(StringBuilder line, Object value) {
        if (value == null) {
            line.append("\\N");
        } else if (value instanceof BigDecimal number) {
            line.append(number.toPlainString());
        } else if (value instanceof Boolean flag) {
            line.append(flag ? 't' : 'f');
        } else {
            escape(line, value.toString());
        }
    }

    /** The characters COPY's text format gives a meaning to are written with a backslash. */
    private static void escape(StringBuilder line, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> line.append("\\\\");
                case '\t' -> line.append("\\t");
                case '\n' -> line.append("\\n");
                case '\r' -> line.append("\\r");
                default -> line.append(c);
            }
        }
    }
}
