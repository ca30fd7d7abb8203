package org.arrowsync.backup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationVersion;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Loads a backup into an empty database: the file is checked whole first, the schema is built by migrating to the
 * backup's version, every row goes in within one transaction, and counts and checksums are read back from the database
 * before it commits. A refusal or failure leaves the database as empty as it was.
 */
final class Restore {

    private Restore() {}

    /** {@code backup} is what {@link BackupReader#verify} found in the file. */
    static void restore(Path file, BackupSummary backup, DataSource target) throws SQLException {
        try (Connection connection = target.getConnection()) {
            if (!Catalog.isEmpty(connection)) {
                throw new BackupRefused("The target database is not empty; restore loads into an empty data folder"
                        + " or an empty database only.");
            }
        }
        checkKnown(Flyway.configure().dataSource(target).load(), backup.schemaVersion());
        Flyway flyway = Flyway.configure()
                .dataSource(target)
                .target(MigrationVersion.fromVersion(backup.schemaVersion()))
                .cleanDisabled(false)
                .load();
        boolean restored = false;
        try {
            flyway.migrate();
            load(file, target, backup);
            restored = true;
        } finally {
            if (!restored) {
                flyway.clean();
            }
        }
    }

    private static void checkKnown(Flyway flyway, String schemaVersion) {
        MigrationVersion wanted = MigrationVersion.fromVersion(schemaVersion);
        List<MigrationVersion> known = new ArrayList<>();
        for (MigrationInfo migration : flyway.info().all()) {
            known.add(migration.getVersion());
        }
        MigrationVersion latest = known.stream().max(Comparator.naturalOrder()).orElse(MigrationVersion.EMPTY);
        if (wanted.compareTo(latest) > 0) {
            throw new BackupRefused("The backup comes from a newer arrowsync (schema " + schemaVersion
                    + "; this one knows schema versions up to " + latest
                    + "). Restore it with that release or a later one.");
        }
        if (!known.contains(wanted)) {
            throw new BackupRefused(
                    "The backup's schema version " + schemaVersion + " is not one this arrowsync knows.");
        }
    }

    private static void load(Path file, DataSource target, BackupSummary backup) throws SQLException {
        try (Connection connection = target.getConnection()) {
            connection.setAutoCommit(false);
            Catalog.pinTextFormats(connection);
            Map<String, Table> schema = Catalog.tables(connection).stream()
                    .collect(Collectors.toMap(Table::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
            // Migrations seed some rows (defaults); the backup holds the rows as they were, seeds included. Only the
            // seeded tables are emptied: an append-only one (the audit log, D40) refuses even that.
            try (Statement statement = connection.createStatement()) {
                List<String> seeded = new ArrayList<>();
                for (Table table : schema.values()) {
                    try (ResultSet rows = statement.executeQuery(table.hasRows())) {
                        if (rows.next() && rows.getBoolean(1)) {
                            seeded.add(table.name());
                        }
                    }
                }
                if (!seeded.isEmpty()) {
                    statement.execute("truncate " + String.join(", ", seeded));
                }
                for (Table table : schema.values()) {
                    statement.execute(table.ownTriggers(false));
                }
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Loader loader = new Loader(connection, copy, schema);
            BackupReader.read(file, loader);
            if (!loader.loaded.keySet().equals(schema.keySet())) {
                throw new BackupRefused("The backup's tables " + loader.loaded.keySet() + " are not the tables "
                        + schema.keySet() + " of schema " + backup.schemaVersion() + ".");
            }
            for (Map.Entry<String, Checked> table : loader.loaded.entrySet()) {
                readBack(copy, schema.get(table.getKey()), table.getValue());
            }
            try (Statement statement = connection.createStatement()) {
                for (Table table : schema.values()) {
                    statement.execute(table.ownTriggers(true));
                }
            }
            connection.commit();
        }
    }

    /** What PostgreSQL now holds must give the very bytes the backup held. */
    private static void readBack(CopyManager copy, Table table, Checked expected) throws SQLException {
        LineChecksum actual = LineChecksum.discarding();
        try {
            copy.copyOut(table.copyOut(), actual);
        } catch (IOException e) {
            throw new IllegalStateException("Reading back table " + table.name() + " failed", e);
        }
        if (actual.lines() != expected.rows() || !actual.checksum().equals(expected.checksum())) {
            throw new BackupRefused("Table " + table.name() + " reads back " + actual.lines() + " rows, checksum "
                    + actual.checksum() + ", where the backup holds " + expected.rows() + " rows, checksum "
                    + expected.checksum() + ".");
        }
    }

    private record Checked(long rows, String checksum) {}

    /** Streams each table's rows into COPY FROM, one line at a time. */
    private static final class Loader implements BackupReader.Sink {

        private final Connection connection;
        private final CopyManager copy;
        private final Map<String, Table> schema;
        private final Map<String, Checked> loaded = new LinkedHashMap<>();
        private CopyIn rows;

        Loader(Connection connection, CopyManager copy, Map<String, Table> schema) {
            this.connection = connection;
            this.copy = copy;
            this.schema = schema;
        }

        @Override
        public void table(Table table) throws SQLException {
            Table existing = schema.get(table.name());
            if (existing == null || !existing.columns().equals(table.columns())) {
                throw new BackupRefused("The backup's table " + table.name() + " " + table.columns()
                        + " does not match the schema it names.");
            }
            rows = copy.copyIn(table.copyIn());
        }

        @Override
        public void row(String line) throws SQLException {
            byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
            rows.writeToCopy(bytes, 0, bytes.length);
        }

        @Override
        public void endOfTable(Table table, long count, String checksum) throws SQLException {
            long written = rows.endCopy();
            if (written != count) {
                throw new BackupRefused("Table " + table.name() + " took " + written + " of " + count + " rows.");
            }
            loaded.put(table.name(), new Checked(count, checksum));
        }

        @Override
        public void sequence(String name, long value) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select setval((quote_ident(current_schema()) || '.' || quote_ident(?))::regclass, ?, true)")) {
                statement.setString(1, name);
                statement.setLong(2, value);
                statement.execute();
            }
        }
    }
}
