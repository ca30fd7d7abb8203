package org.arrowsync.bench;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrowsync.database.EmbeddedDatabase;
import org.arrowsync.emulator.data.Presets;
import org.arrowsync.emulator.data.ScaleOptions;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.support.Api;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.TestClock;
import tools.jackson.databind.JsonNode;

/**
 * bench/billing-sync: a 200,000-line month over 2,000 mapped customers, synced through the real HTTP trigger by a
 * server at -Xmx512m, then synced again unchanged; beside it, a plain JDBC batch insert of as many rows into tables of
 * the same shape. Prints the figures; asserts nothing.
 */
public final class BillingSyncBenchmark {

    private static final Pattern DATABASE_PORT = Pattern.compile("Embedded PostgreSQL started on port (\\d+)");

    public static void main(String[] args) throws Exception {
        int customers = Integer.parseInt(System.getProperty("customers", "2000"));
        int licenses = Integer.parseInt(System.getProperty("licenses", "10"));
        int lines = Integer.parseInt(System.getProperty("lines", "10"));
        Path work = Files.createTempDirectory("arrowsync-bench");
        int serverPort = freePort();
        Emulator emulator = scaleEmulator(customers, licenses, lines);
        Process server = new ProcessBuilder(
                        "java",
                        "-Xmx512m",
                        "-jar",
                        "server/target/arrowsync-server.jar",
                        "--server.port=" + serverPort,
                        "--arrowsync.data.dir=" + work.resolve("data"),
                        "--arrowsync.admin-token=" + Api.ADMIN_TOKEN,
                        "--arrowsync.demo.enabled=false",
                        "--arrowsync.jobs.schedules-enabled=false",
                        "--arrowsync.arrow.client.requests-per-second=1000")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile())
                .start();
        try (HeapSampler heap = new HeapSampler(server.pid())) {
            int databasePort = awaitServer(work.resolve("server.log"));
            String password = Files.readString(EmbeddedDatabase.passwordFile(work.resolve("data")))
                    .trim();
            String jdbcUrl =
                    "jdbc:postgresql://localhost:" + databasePort + "/postgres?user=postgres&password=" + password;
            Api arrowsync = Api.at(serverPort);
            String settings = settings(arrowsync, emulator);
            mapCustomers(jdbcUrl, settings, customers);
            long expected = (long) customers * licenses * lines;

            Run first = sync(arrowsync, emulator);
            Run second = sync(arrowsync, emulator);
            long synced = count(jdbcUrl, "select count(*) from billing_sync_items");
            Duration raw = rawInsert(jdbcUrl, (int) expected);

            System.out.printf("lines in the month:            %,d (synced items: %,d)%n", expected, synced);
            System.out.printf(
                    "first sync:                    %.1f s, %,.0f lines/s, %d Arrow requests%n",
                    seconds(first.time()), expected / seconds(first.time()), first.requests());
            System.out.printf(
                    "unchanged re-sync:             %.1f s, %,.0f lines/s, %d Arrow requests%n",
                    seconds(second.time()), expected / seconds(second.time()), second.requests());
            System.out.printf(
                    "raw JDBC batch insert:         %.1f s (%,d invoice items + %,d sync items)%n",
                    seconds(raw), expected, expected);
            System.out.printf("server peak heap (of 512 MiB): %d MiB%n", heap.peakMib());
            System.out.printf(
                    "sync time / raw insert time:   %.2f (goal <= 2)%n", seconds(first.time()) / seconds(raw));
            System.out.printf(
                    "first / unchanged re-sync:     %.2f (goal >= 2)%n",
                    seconds(first.time()) / seconds(second.time()));
            Files.readAllLines(work.resolve("server.log")).stream()
                    .filter(line -> line.contains("page work in ms"))
                    .forEach(line -> System.out.println("server: " + line.substring(line.indexOf("Billing sync"))));
        } finally {
            server.destroy();
            emulator.close();
            server.waitFor();
        }
    }

    record Run(Duration time, int requests) {}

    /** The scale preset in this JVM: every month has customers x licenses x lines lines. */
    static Emulator scaleEmulator(int customers, int licenses, int lines) {
        return Emulator.start(Emulator.options()
                .withPreset(Presets.SCALE)
                .withScale(ScaleOptions.large()
                        .withCustomers(customers)
                        .withLicensesPerCustomer(licenses)
                        .withLinesPerLicense(lines)));
    }

    /** Settings for the emulator with the standard export template; their uuid. */
    static String settings(Api arrowsync, Emulator emulator) {
        return arrowsync
                .post(
                        "/api/admin/arrow/settings/",
                        Map.of(
                                "api_url",
                                emulator.apiUrl(),
                                "api_key",
                                emulator.apiKey(),
                                "export_type_reference",
                                ExportTemplates.ALT_REFERENCE))
                .expect(201)
                .text("uuid");
    }

    static Run sync(Api arrowsync, Emulator emulator) {
        emulator.resetStats();
        YearMonth month = TestClock.closedMonth();
        long start = System.nanoTime();
        String job = arrowsync
                .post(
                        "/api/admin/arrow/billing-syncs/trigger_sync/",
                        Map.of("year", month.getYear(), "month", month.getMonthValue()))
                .expect(202)
                .text("uuid");
        JsonNode state = Jobs.await(arrowsync, job, Duration.ofMinutes(30));
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        if (state.get("state").asString().equals("failed")) {
            throw new IllegalStateException("sync failed: " + state);
        }
        return new Run(time, (int) emulator.requests("exports"));
    }

    /**
     * Operator customers and active mappings for every scale customer, straight into the database (setup, not
     * measured).
     */
    static void mapCustomers(String jdbcUrl, String settings, int customers) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            connection.createStatement().execute("""
                    insert into customers (uuid, name, created, modified)
                    select gen_random_uuid(), 'Scale customer ' || n, now(), now() from generate_series(1, %d) n""".formatted(customers));
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into customer_mappings (uuid, settings_id, arrow_reference, arrow_company_name, customer_id, created, modified)
                    select gen_random_uuid(), (select id from arrow_settings where uuid = ?::uuid), 'XSP' || (700000 + n), '',
                           (select id from customers where name = 'Scale customer ' || n), now(), now()
                    from generate_series(1, ?) n""")) {
                insert.setString(1, settings);
                insert.setInt(2, customers);
                insert.execute();
            }
        }
    }

    /**
     * The baseline: as many rows as the month has, JDBC-batched into tables shaped like invoice items and sync items:
     * same columns, defaults, checks, indexes and foreign keys (to a real invoice and a real sync).
     */
    private static Duration rawInsert(String jdbcUrl, int rows) throws SQLException {
        YearMonth month = TestClock.closedMonth();
        try (Connection connection = DriverManager.getConnection(jdbcUrl + "&reWriteBatchedInserts=true")) {
            long invoice = count(jdbcUrl, "select min(id) from invoices");
            long sync = count(jdbcUrl, "select min(id) from billing_syncs");
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
            try (PreparedStatement items =
                            connection.prepareStatement("""
                    insert into bench_items (id, uuid, invoice_id, name, unit_price, quantity, currency, start_date, end_date, details, created)
                    values (?, ?, %d, ?, ?, 1, 'EUR', date '%s', date '%s', '{"source":"arrow"}'::jsonb, now())""".formatted(invoice, month.atDay(1), month.atEndOfMonth()));
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

    static long count(String jdbcUrl, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            var result = connection.createStatement().executeQuery(sql);
            result.next();
            return result.getLong(1);
        }
    }

    static int awaitServer(Path log) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            String output = Files.exists(log) ? Files.readString(log) : "";
            Matcher matcher = DATABASE_PORT.matcher(output);
            if (matcher.find() && output.contains("Started Application")) {
                return Integer.parseInt(matcher.group(1));
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the server did not start: " + Files.readString(log));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private BillingSyncBenchmark() {}
}
