package org.arrowsync.bench;

import java.io.IOException;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrowsync.arrowclient.ArrowConnection;
import org.arrowsync.database.EmbeddedDatabase;
import org.arrowsync.database.PostgresCluster;
import org.arrowsync.emulator.data.Presets;
import org.arrowsync.emulator.data.ScaleOptions;
import org.arrowsync.emulator.http.ExportTemplates;
import org.arrowsync.support.Api;
import org.arrowsync.support.Emulator;
import org.arrowsync.support.Jobs;
import org.arrowsync.support.ServerJarCommand;
import org.arrowsync.support.TestClock;
import org.springframework.util.FileSystemUtils;
import tools.jackson.databind.JsonNode;

/**
 * The benchmarks' scale month, the test clock's closed month: the emulator with preset {@code scale} (by default 2,000
 * customers × 10 licenses × 10 lines, or {@code -Dcustomers}, {@code -Dlicenses}, {@code -Dlines}; beyond 2,000
 * customers the lines per license default to 5, so {@code -Dcustomers=20000} is the million-line month; the same in
 * each of the {@code -Dmonths} months up to it), in this JVM at the test clock, and a server jar with the given heap
 * over a fresh data folder, settings for the emulator and every scale customer mapped (straight into the database:
 * setup, not measured). The server's heap is sampled from its start and its collections logged. The export template is
 * the 16-column "Standard" one, or with {@code -Dtemplate=msp} the 70-column one recorded from the real API.
 */
final class ScaleMonth implements AutoCloseable {

    /** The export type the settings name and fetch-only reads. */
    static final String TEMPLATE = "msp".equals(System.getProperty("template"))
            ? ExportTemplates.MSP_REFERENCE
            : ExportTemplates.ALT_REFERENCE;

    private static final Pattern DATABASE_PORT = Pattern.compile("Embedded PostgreSQL started on port (\\d+)");
    /**
     * A collection in the server's GC log: heap in use before and after it (group 2), and the heap's size. Only pauses
     * that free memory count: a remark or cleanup pause shows the heap as it was, garbage included.
     */
    private static final Pattern COLLECTION = Pattern.compile("Pause (?:Young|Full) .*?(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    final YearMonth period = TestClock.closedMonth();
    final Path work;
    final Api api;
    final int serverPort;
    final String settings;
    final int customers;
    final String jdbcUrl;
    final HeapSampler heap;
    final long lines;
    /** Months the emulator has up to and including {@link #period}, for a run that syncs the earlier ones first. */
    final int months;

    private final Emulator emulator;
    private final Process server;

    private ScaleMonth(
            Path work,
            Api api,
            int serverPort,
            String settings,
            int customers,
            String jdbcUrl,
            HeapSampler heap,
            long lines,
            int months,
            Emulator emulator,
            Process server) {
        this.work = work;
        this.api = api;
        this.serverPort = serverPort;
        this.settings = settings;
        this.customers = customers;
        this.jdbcUrl = jdbcUrl;
        this.heap = heap;
        this.lines = lines;
        this.months = months;
        this.emulator = emulator;
        this.server = server;
    }

    /** Starts it all; {@code serverArguments} are added to the server's command line. */
    static ScaleMonth start(String maxHeap, String... serverArguments)
            throws IOException, InterruptedException, SQLException {
        int customers = Integer.parseInt(System.getProperty("customers", "2000"));
        int licenses = Integer.parseInt(System.getProperty("licenses", "10"));
        // The 200,000-line month has 2,000 customers, the million-line one 20,000 (issue #16): 100 and 50 lines each
        int lines = Integer.parseInt(System.getProperty("lines", customers > 2000 ? "5" : "10"));
        int months = Integer.parseInt(System.getProperty("months", "1"));
        Path work = Files.createTempDirectory("arrowsync-bench");
        int serverPort = freePort();
        Emulator emulator = Emulator.start(Emulator.options()
                .withPreset(Presets.SCALE)
                // Arrow still validates the month, so it stays open to the re-syncs measured: a final month would be
                // validated, and frozen, as its first sync ends (D68)
                .withClock(TestClock.whileArrowValidates(TestClock.closedMonth()))
                .withScale(ScaleOptions.large()
                        .withCustomers(customers)
                        .withLicensesPerCustomer(licenses)
                        .withLinesPerLicense(lines)
                        // the closed month is the clock's month less one or two
                        .withHistoryMonths(Math.max(ScaleOptions.HISTORY_MONTHS, months + 2))));
        // -DserverJvm="-XX:MaxNewSize=96m": more options for the server's JVM, space-separated
        List<String> jvm = new ArrayList<>(List.of("-Xlog:gc:file=" + work.resolve("gc.log")));
        String serverJvm = System.getProperty("serverJvm", "").trim();
        if (!serverJvm.isEmpty()) {
            jvm.addAll(List.of(serverJvm.split("\\s+")));
        }
        List<String> command =
                ServerJarCommand.of(maxHeap, jvm, serverPort, work.resolve("data"), List.of(serverArguments));
        Process server = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("server.log").toFile())
                .start();
        HeapSampler heap = new HeapSampler(server.pid());
        int databasePort = awaitServer(work.resolve("server.log"));
        String password = Files.readString(EmbeddedDatabase.passwordFile(work.resolve("data")))
                .trim();
        String jdbcUrl = "jdbc:postgresql://localhost:" + databasePort + "/postgres?user=postgres&password=" + password;
        Api api = Api.at(serverPort);
        String settings = api.post(
                        "/api/admin/arrow/settings/",
                        Map.of(
                                "api_url",
                                emulator.apiUrl(),
                                "api_key",
                                emulator.apiKey(),
                                "export_type_reference",
                                TEMPLATE))
                .expect(201)
                .text("uuid");
        mapCustomers(jdbcUrl, settings, customers);
        return new ScaleMonth(
                work,
                api,
                serverPort,
                settings,
                customers,
                jdbcUrl,
                heap,
                (long) customers * licenses * lines,
                months,
                emulator,
                server);
    }

    /**
     * How long one billing sync triggered over HTTP took (its job, queued to finished), how many export requests it
     * made, and the server's heap meanwhile in MiB: the most in use (garbage not yet collected included), the most the
     * old generation held, and the most still in use right after a collection (live data, and old garbage no collection
     * had reached yet); and the CPU each process used from the trigger to the job seen finished.
     */
    record Run(Duration time, int requests, long heapPeakMib, long oldPeakMib, long afterCollectionMib, CpuUse cpu) {}

    Run sync() throws IOException, SQLException, InterruptedException {
        return sync(period);
    }

    Run sync(YearMonth month) throws IOException, SQLException, InterruptedException {
        awaitQuietDatabase();
        emulator.resetStats();
        heap.reset();
        long collectionsBefore = heapAfterCollections().size();
        CpuUse cpuBefore = cpu();
        String job = api.post(
                        "/api/admin/arrow/billing-syncs/trigger_sync/",
                        Map.of("year", month.getYear(), "month", month.getMonthValue()))
                .expect(202)
                .text("uuid");
        // Asked twice a second: the run is timed by the server's clock, so asking often only takes CPU from it
        JsonNode state = Jobs.await(api, job, Duration.ofMinutes(30), Duration.ofMillis(500));
        CpuUse cpu = cpu().since(cpuBefore);
        if (state.get("state").asString().equals("failed")) {
            throw new IllegalStateException("sync failed: " + state);
        }
        // The job's own span, queued to finished by the server's clock: what the test client's polling adds is not
        // the sync's
        Duration time = Duration.between(
                Instant.parse(state.get("created").asString()),
                Instant.parse(state.get("finished").asString()));
        long afterCollection = heapAfterCollections().stream()
                .skip(collectionsBefore)
                .mapToLong(Long::longValue)
                .max()
                .orElse(0);
        return new Run(
                time, (int) emulator.requests("exports"), heap.peakMib(), heap.peakOldMib(), afterCollection, cpu);
    }

    /** The CPU the server, its PostgreSQL and this JVM (the emulator, fetch-only's client) have used so far. */
    CpuUse cpu() throws IOException {
        ProcessHandle postmaster = PostgresCluster.postmaster(EmbeddedDatabase.clusterFolder(work.resolve("data")))
                .orElseThrow(() -> new IllegalStateException("the server's PostgreSQL is not running"));
        return CpuUse.of(server.toHandle(), postmaster);
    }

    /**
     * Waits until no other statement has run in the database for a second: a run is timed from a quiet server, not
     * while the planner statistics its predecessor refreshes after its commit (on a thread of their own, which may
     * start after the job is seen finished) are still being sampled.
     */
    void awaitQuietDatabase() throws SQLException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(5));
        Instant quietSince = Instant.now();
        while (Duration.between(quietSince, Instant.now()).compareTo(Duration.ofSeconds(1)) < 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the database is still busy after 5 minutes");
            }
            if (count("select count(*) from pg_stat_activity where state = 'active' and pid <> pg_backend_pid()"
                            + " and backend_type = 'client backend'")
                    > 0) {
                quietSince = Instant.now();
            }
            Thread.sleep(50);
        }
    }

    /** The heap in use after each collection so far, in MiB, as the server's GC log has them. */
    private List<Long> heapAfterCollections() throws IOException {
        Path log = work.resolve("gc.log");
        if (!Files.exists(log)) {
            return List.of();
        }
        List<Long> after = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher matcher = COLLECTION.matcher(line);
            if (matcher.find()) {
                after.add(Long.parseLong(matcher.group(2)));
            }
        }
        return after;
    }

    /** The emulator as the server's settings name it. */
    ArrowConnection arrow() {
        return emulator.connection();
    }

    long count(String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            var result = connection.createStatement().executeQuery(sql);
            result.next();
            return result.getLong(1);
        }
    }

    /** The server's log lines that contain {@code text}. */
    List<String> log(String text) throws IOException {
        return Files.readAllLines(work.resolve("server.log")).stream()
                .filter(line -> line.contains(text))
                .toList();
    }

    @Override
    public void close() throws InterruptedException, IOException {
        heap.close();
        server.destroy();
        emulator.close();
        server.waitFor();
        // The database of a million lines takes gigabytes; the logs beside it stay for a look after the run.
        FileSystemUtils.deleteRecursively(work.resolve("data"));
    }

    private static void mapCustomers(String jdbcUrl, String settings, int customers) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            connection.createStatement().execute("""
                    insert into customers (uuid, name, created, modified)
                    select gen_random_uuid(), 'Scale customer ' || n, now(), now() from generate_series(1, %d) n""".formatted(customers));
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into customer_mappings (uuid, settings_id, arrow_reference, arrow_company_name, customer_id, created, modified)
                    select gen_random_uuid(), (select id from arrow_settings where uuid = ?::uuid), 'XSP' || (700000 + n), '',
                           c.id, now(), now()
                    from generate_series(1, ?) n join customers c on c.name = 'Scale customer ' || n order by n""")) {
                insert.setString(1, settings);
                insert.setInt(2, customers);
                insert.execute();
            }
        }
    }

    private static int awaitServer(Path log) throws IOException, InterruptedException {
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

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
