package org.arrowsync.backup;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a database holds, read from PostgreSQL's catalog: every table of the current schema (Flyway's history aside;
 * restore rebuilds it by migrating), parents before children, and every sequence's position.
 */
final class Catalog {

    static final String SCHEMA_HISTORY = "flyway_schema_history";

    private Catalog() {}

    /**
     * Text output that is the same byte for byte on every server: restore checks its checksums against the file's, and
     * upgrade-data compares what PostgreSQL 14 wrote with what PostgreSQL 18 reads back.
     */
    static void pinTextFormats(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("set local timezone = 'UTC'");
            statement.execute("set local datestyle = 'ISO, YMD'");
            statement.execute("set local intervalstyle = 'postgres'");
            statement.execute("set local extra_float_digits = 1");
            statement.execute("set local bytea_output = 'hex'");
        }
    }

    /** The version of the last migration applied, empty where Flyway never ran. */
    static Optional<String> schemaVersion(Connection connection) throws SQLException {
        if (!hasTable(connection, SCHEMA_HISTORY)) {
            return Optional.empty();
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select version from " + SCHEMA_HISTORY
                        + " where success and version is not null order by installed_rank desc limit 1")) {
            return rows.next() ? Optional.of(rows.getString(1)) : Optional.empty();
        }
    }

    /** Nothing at all in the current schema: no table, view, sequence or function. */
    static boolean isEmpty(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                                where n.nspname = current_schema())
                             + (select count(*) from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                                where n.nspname = current_schema())""")) {
            rows.next();
            return rows.getLong(1) == 0;
        }
    }

    /** Every table but Flyway's history, each after the tables its foreign keys point to. */
    static List<Table> tables(Connection connection) throws SQLException {
        Map<String, Set<String>> parents = new LinkedHashMap<>();
        for (String name : strings(connection, """
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relkind in ('r', 'p') and c.relname <> ?
                order by c.relname""", SCHEMA_HISTORY)) {
            parents.put(name, new LinkedHashSet<>());
        }
        try (PreparedStatement statement = connection.prepareStatement("""
                        select child.relname, parent.relname
                        from pg_constraint k
                        join pg_class child on child.oid = k.conrelid
                        join pg_class parent on parent.oid = k.confrelid
                        join pg_namespace n on n.oid = child.relnamespace
                        where k.contype = 'f' and n.nspname = current_schema() and child.oid <> parent.oid""");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                parents.get(rows.getString(1)).add(rows.getString(2));
            }
        }
        List<Table> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < parents.size()) {
            int before = placed.size();
            for (Map.Entry<String, Set<String>> table : parents.entrySet()) {
                if (!placed.contains(table.getKey()) && placed.containsAll(table.getValue())) {
                    placed.add(table.getKey());
                    ordered.add(describe(connection, table.getKey()));
                }
            }
            if (placed.size() == before) {
                throw new IllegalStateException("Foreign keys form a cycle between tables " + parents.keySet());
            }
        }
        return ordered;
    }

    private static Table describe(Connection connection, String table) throws SQLException {
        List<String> columns = strings(connection, """
                select a.attname from pg_attribute a
                where a.attrelid = (quote_ident(current_schema()) || '.' || quote_ident(?))::regclass
                  and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                order by a.attnum""", table);
        List<String> key = strings(connection, """
                select a.attname
                from pg_index i
                cross join lateral unnest(i.indkey) with ordinality as k(attnum, position)
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                where i.indrelid = (quote_ident(current_schema()) || '.' || quote_ident(?))::regclass
                  and i.indisprimary
                order by k.position""", table);
        return new Table(table, columns, key);
    }

    /** Each sequence of the current schema with its last value, empty where it was never used. */
    static Map<String, OptionalLong> sequences(Connection connection) throws SQLException {
        Map<String, OptionalLong> sequences = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("""
                        select sequencename, last_value from pg_sequences
                        where schemaname = current_schema() order by sequencename""")) {
            while (rows.next()) {
                String name = rows.getString(1);
                long value = rows.getLong(2);
                sequences.put(name, rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(value));
            }
        }
        return sequences;
    }

    private static boolean hasTable(Connection connection, String table) throws SQLException {
        return !strings(connection, """
                        select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                        where n.nspname = current_schema() and c.relname = ?""", table).isEmpty();
    }

    private static List<String> strings(Connection connection, String sql, String parameter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
                return values;
            }
        }
    }
}
