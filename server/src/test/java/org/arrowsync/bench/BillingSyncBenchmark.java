package org.arrowsync.bench;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * bench/billing-sync: a 200,000-line month over 2,000 mapped customers, synced through the real HTTP trigger by a
 * server at -Xmx512m, then synced again unchanged; beside it, a plain JDBC batch insert of as many rows into tables of
 * the same shape. Prints the figures; asserts nothing.
 */
public final class BillingSyncBenchmark {

    public static void main(String[] args) throws Exception {
        try (ScaleMonth month = ScaleMonth.start("512m")) {
            ScaleMonth.Run first = month.sync();
            ScaleMonth.Run second = month.sync();
            long synced = month.count("select count(*) from billing_sync_items");
            Duration raw = rawInsert(month, (int) month.lines);

            System.out.printf("lines in the month:            %,d (synced items: %,d)%n", month.lines, synced);
            System.out.printf(
                    "first sync:                    %.1f s, %,.0f lines/s, %d Arrow requests%n",
                    seconds(first.time()), month.lines / seconds(first.time()), first.requests());
            System.out.printf(
                    "unchanged re-sync:             %.1f s, %,.0f lines/s, %d Arrow requests%n",
                    seconds(second.time()), month.lines / seconds(second.time()), second.requests());
            System.out.printf(
                    "raw JDBC batch insert:         %.1f s (%,d invoice items + %,d sync items)%n",
                    seconds(raw), month.lines, month.lines);
            System.out.printf("server peak heap (of 512 MiB): %d MiB%n", month.heap.peakMib());
            System.out.printf(
                    "sync time / raw insert time:   %.2f (goal <= 2)%n", seconds(first.time()) / seconds(raw));
            System.out.printf(
                    "first / unchanged re-sync:     %.2f (goal >= 2)%n",
                    seconds(first.time()) / seconds(second.time()));
            month.log("page work in ms")
                    .forEach(line -> System.out.println("server: " + line.substring(line.indexOf("Billing sync"))));
        }
    }

    /**
     * The baseline: as many rows as the month has, JDBC-batched into tables shaped like invoice items and sync items:
     * same columns, defaults, checks, indexes and foreign keys (to a real invoice and a real sync).
     */
    private static Duration rawInsert(ScaleMonth month, int rows) throws SQLException {
        try (Connection connection = DriverManager.getConnection(month.jdbcUrl + "&reWriteBatchedInserts=true")) {
            long invoice = month.count("select min(id) from invoices");
            long sync = month.count("select min(id) from billing_syncs");
            connection.createStatement().execute("create table bench_items (like invoice_items including all)");
            connection
                    .createStatement()
                    .execute("create table bench_sync_items (like billing_sync_items including all)");
            connection.createStatement().execute("""
                    alter table bench_items add foreign key (invoice_id) references invoices (id),
                        add foreign key (resource_id) references resources (id), add foreign key (project_id) references projects (id);
                    alter table bench_sync_items add foreign key (billing_sync_id) references billing_syncs (id),
                        add foreign key (invoice_item_id) references bench_items (id),
                        add foreign key (compensation_item_id) references bench_items (id)""");
            connection.setAutoCommit(false);
            Instant start = Instant.now();
            try (PreparedStatement items = connection.prepareStatement(
                            """
                    insert into bench_items (id, uuid, invoice_id, name, unit_price, quantity, currency, start_date, end_date, details, created)
                    values (?, ?, %d, ?, ?, 1, 'EUR', date '%s', date '%s', '{"source":"arrow"}'::jsonb, now())""".formatted(invoice, month.period.atDay(1), month.period.atEndOfMonth()));
                    PreparedStatement syncItems = connection.prepareStatement("""
                    insert into bench_sync_items (id, uuid, billing_sync_id, arrow_line_reference, invoice_item_id, billed_via, original_price,
                                                  current_price, invoiced, sell, buy, created, modified)
                    values (?, ?, %d, ?, ?, 'invoice', ?, ?, ?, ?, ?, now(), now())""".formatted(sync))) {
                for (int i = 1; i <= rows; i++) {
                    BigDecimal price = BigDecimal.valueOf(i % 9973, 2);
                    items.setLong(1, i);
                    items.setObject(2, UUID.randomUUID());
                    items.setString(3, "Line " + i);
                    items.setBigDecimal(4, price);
                    items.addBatch();
                    syncItems.setLong(1, i);
                    syncItems.setObject(2, UUID.randomUUID());
                    syncItems.setString(3, "SEQ-" + i);
                    syncItems.setLong(4, i);
                    for (int p = 5; p <= 9; p++) {
                        syncItems.setBigDecimal(p, price);
                    }
                    syncItems.addBatch();
                    if (i % 1000 == 0) {
                        items.executeBatch();
                        syncItems.executeBatch();
                    }
                }
                items.executeBatch();
                syncItems.executeBatch();
            }
            connection.commit();
            return Duration.between(start, Instant.now());
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private BillingSyncBenchmark() {}
}
