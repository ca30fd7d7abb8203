package org.arrowsync.backup;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.zip.GZIPOutputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;

/**
 * Writes a backup (format in the README): one {@code REPEATABLE READ} snapshot, each table's rows streamed by
 * PostgreSQL's {@code COPY} straight into the gzip stream, so memory stays flat whatever the size.
 */
final class BackupWriter {

    private BackupWriter() {}

    static BackupSummary write(Connection connection, OutputStream target, Instant created)
            throws SQLException, IOException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        connection.setReadOnly(true);
        try {
            Catalog.pinTextFormats(connection);
            String schema = Catalog.schemaVersion(connection)
                    .orElseThrow(() -> new IllegalStateException("The database holds no arrowsync schema"));
            List<Table> tables = Catalog.tables(connection);
            Map<String, OptionalLong> sequences = Catalog.sequences(connection);
            // finish(), not close(): the caller owns the target (a file or an HTTP response) and closes it.
            GZIPOutputStream gzip = new GZIPOutputStream(target, 1 << 16);
            LineChecksum file = new LineChecksum(gzip);
            file.line(BackupFormat.MAGIC);
            file.line(BackupFormat.SCHEMA + " " + schema);
            file.line(BackupFormat.CREATED + " " + created);
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            long rows = 0;
            for (Table table : tables) {
                file.line(BackupFormat.TABLE + " " + table.name() + " " + String.join(",", table.columns()));
                LineChecksum data = new LineChecksum(file);
                copyOut(copy, table.copyOut(), data);
                file.line(BackupFormat.END_OF_ROWS);
                file.line(BackupFormat.ROWS + " " + data.lines() + " sha256 " + data.checksum());
                rows += data.lines();
            }
            for (Map.Entry<String, OptionalLong> sequence : sequences.entrySet()) {
                if (sequence.getValue().isPresent()) {
                    file.line(BackupFormat.SEQUENCE + " " + sequence.getKey() + " "
                            + sequence.getValue().getAsLong());
                }
            }
            String checksum = file.checksum();
            file.line(BackupFormat.END + " " + tables.size() + " sha256 " + checksum);
            gzip.finish();
            gzip.flush();
            connection.commit();
            return new BackupSummary(schema, tables.size(), rows);
        } finally {
            if (!connection.isClosed()) {
                connection.rollback();
                connection.setReadOnly(false);
                connection.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Streams one table's rows to the target. Should the target fail (a download the client abandons), the rest of the
     * copy is still read and dropped before the failure is thrown: a {@code COPY} left unfinished, or cancelled, leaves
     * the connection reading its remains as the answers to the next queries of whichever request the pool hands it to.
     */
    private static void copyOut(CopyManager copy, String sql, OutputStream target) throws SQLException, IOException {
        CopyOut rows = copy.copyOut(sql);
        Exception failed = null;
        try {
            byte[] chunk;
            while ((chunk = rows.readFromCopy()) != null) {
                if (failed == null) {
                    try {
                        target.write(chunk);
                    } catch (IOException | RuntimeException e) {
                        failed = e;
                    }
                }
            }
        } catch (SQLException e) {
            if (failed != null) {
                e.addSuppressed(failed);
            }
            throw e;
        } finally {
            if (rows.isActive()) {
                rows.cancelCopy(); // the drain itself failed: the connection must not stay locked by the copy
            }
        }
        if (failed instanceof IOException e) {
            throw e;
        }
        if (failed instanceof RuntimeException e) {
            throw e;
        }
    }
}
