package org.arrowsync.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.arrowsync.arrowclient.ArrowClientProperties;
import org.arrowsync.arrowclient.ArrowClients;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.arrowclient.ExportQuery;
import org.arrowsync.arrowclient.ExportRow;
import org.arrowsync.support.Percentiles;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * bench/billing-sync: a 200,000-line month over 2,000 mapped customers, synced through the real HTTP trigger by a
 * server at -Xmx512m that synced the month before and synced it again first, so its code is compiled as a server's
 * running for weeks is ({@code -Dwarm=false} to measure the fresh server's first work), then synced again unchanged
 * once (printed: it compiles the comparison of content hashes as it runs) and three times more ({@code -Drepeats}), the
 * median measured; beside it, the two costs a sync cannot avoid, measured in the same run: reading the export (the
 * Arrow client streaming and parsing it, writing nothing; as many times, taking turns with the re-syncs, the median)
 * and writing as many rows with PostgreSQL's COPY into tables of the same shape. Prints the figures, the goals' ratios
 * and where each sync's time went (the server's own phase timings); asserts nothing. With {@code -Dmonths=13} the
 * twelve months before are synced first and the first of them is compared with the thirteenth.
 */
public final class BillingSyncBenchmark {

    /** The two months goal 3 compares, by their lines. */
    private static final long MILLION = 1_000_000;

    private static final long TWO_HUNDRED_THOUSAND = 200_000;

    public static void main(String[] args) throws Exception {
        // -Dheap=256m: whether the month completes in that much heap at all
        String maxHeap = System.getProperty("heap", "512m");
        String jvmShown = ("-Xmx" + maxHeap + " " + System.getProperty("serverJvm", "")).trim();
        try (ScaleMonth month = ScaleMonth.start(maxHeap)) {
            // -Dmonths=13: the twelve months before are synced first, so the month measured is the thirteenth kept
            List<ScaleMonth.Run> earlier = new ArrayList<>();
            for (int back = month.months - 1; back >= 1; back--) {
                earlier.add(month.sync(month.period.minusMonths(back)));
            }
            // -Dwarm=false measures the month as the fresh server's first work, its code still being compiled
            boolean warmFirst = Boolean.parseBoolean(System.getProperty("warm", "true"));
            ScaleMonth.Run warmUp = earlier.isEmpty() && warmFirst ? month.sync(month.period.minusMonths(1)) : null;
            // ... and re-synced it: a re-sync's reading and look-up of known lines are compiled then too (Arrow has
            // validated the month before, so its syncs are frozen and no line's hash is compared)
            ScaleMonth.Run warmResync = warmUp == null ? null : month.sync(month.period.minusMonths(1));
            ScaleMonth.Run first = month.sync();
            // The first re-sync to compare the month's content hashes: that code is compiled as it runs, which a
            // server re-syncing every hour did long before (the month before is frozen, so its re-sync compared none)
            ScaleMonth.Run afterFirst = month.sync();
            // read as the server syncs: with the client's code compiled, here by reading the month before first
            Read fetchCold = fetchOnly(month, month.period.minusMonths(1));
            // -Drepeats=N: the unchanged re-sync and the reading are each measured N times and their medians compared:
            // on two cores shared with the emulator and PostgreSQL one run moves by a third from one to the next. They
            // take turns, so that the emulator, which serves both and keeps compiling its code, is as warm for each.
            int repeats = Math.max(1, Integer.parseInt(System.getProperty("repeats", "3")));
            List<ScaleMonth.Run> resyncs = new ArrayList<>();
            List<Read> fetches = new ArrayList<>();
            for (int i = 0; i < repeats; i++) {
                resyncs.add(month.sync());
                fetches.add(fetchOnly(month, month.period));
            }
            ScaleMonth.Run resync = median(resyncs, ScaleMonth.Run::time);
            Read fetchRead = median(fetches, Read::time);
            Duration fetch = fetchRead.time();
            long synced = month.count("select count(*) from billing_sync_items t join billing_syncs b"
                    + " on b.id = t.billing_sync_id where b.report_period = '" + month.period + "'");
            Duration copy = copyInsert(month, month.lines);
            List<String> phases = month.log(" in ms: fetch ");

            double firstSeconds = seconds(first.time());
            double resyncSeconds = seconds(resync.time());
            double fetchSeconds = seconds(fetch);
            double copySeconds = seconds(copy);
            System.out.printf("lines in the month:            %,d (synced items: %,d)%n", month.lines, synced);
            if (!earlier.isEmpty()) {
                ScaleMonth.Run oldest = earlier.get(0);
                System.out.printf(
                        "first syncs of months 1-%d, s:  %s / %.1f%n",
                        month.months, listed(earlier, ScaleMonth.Run::time), firstSeconds);
                System.out.printf(
                        "month 1 (JIT still warming):   %.1f s, %,.0f lines/s; heap %s%n",
                        seconds(oldest.time()), month.lines / seconds(oldest.time()), heap(oldest));
                System.out.printf(
                        "month %d:                      %.1f s, %,.0f lines/s; heap %s%n",
                        month.months, firstSeconds, month.lines / firstSeconds, heap(first));
                double warm = earlier.stream()
                        .skip(1)
                        .mapToDouble(run -> seconds(run.time()))
                        .average()
                        .orElse(seconds(oldest.time()));
                System.out.printf(
                        "goal 5: month %d / month 1:    %.2f; / mean of months 2-%d: %.2f (goal: as fast)%n",
                        month.months, firstSeconds / seconds(oldest.time()), month.months - 1, firstSeconds / warm);
            }
            if (warmUp != null) {
                System.out.printf(
                        "the month before, first:       %.1f s (the server's first work: compiling its code as it runs)%n",
                        seconds(warmUp.time()));
                System.out.printf("the month before, re-synced:   %.1f s%n", seconds(warmResync.time()));
            }
            System.out.printf(
                    "first sync:                    %.1f s, %,.0f lines/s, %d Arrow requests%n",
                    firstSeconds, month.lines / firstSeconds, first.requests());
            System.out.printf(
                    "unchanged re-sync:             %.1f s, %,.0f lines/s, %d Arrow requests (median of %s s)%n",
                    resyncSeconds,
                    month.lines / resyncSeconds,
                    resync.requests(),
                    listed(resyncs, ScaleMonth.Run::time));
            System.out.printf(
                    "  the one before it:           %.1f s (the first to compare the month's hashes, compiling that code)%n",
                    seconds(afterFirst.time()));
            System.out.printf(
                    "fetch-only (client reads all): %.1f s, %,.0f lines/s (median of %s s; the month before, read first: %.1f s)%n",
                    fetchSeconds, month.lines / fetchSeconds, listed(fetches, Read::time), seconds(fetchCold.time()));
            System.out.printf(
                    "  its reading thread:          %,.0f MB allocated, %.1f s of CPU (%,.0f bytes and %.1f µs a line)%n",
                    fetchRead.allocated() / 1e6,
                    fetchRead.cpuNanos() / 1e9,
                    (double) fetchRead.allocated() / month.lines,
                    fetchRead.cpuNanos() / 1e3 / month.lines);
            System.out.printf(
                    "CPU, core-seconds (server / PostgreSQL / this JVM: the emulator, and fetch-only's client):%n"
                            + "  first sync:                  %s%n  unchanged re-sync:           %s%n"
                            + "  fetch-only:                  %s%n",
                    first.cpu().seconds(),
                    resync.cpu().seconds(),
                    fetchRead.processes().seconds());
            System.out.printf(
                    "COPY insert:                   %.1f s (%,d invoice items + %,d sync items)%n",
                    copySeconds, month.lines, month.lines);
            System.out.printf("server heap (%s), first sync: %s%n", jvmShown, heap(first));
            System.out.printf(
                    "server heap (%s), re-sync with the highest peak: %s%n",
                    jvmShown, heap(Collections.max(resyncs, Comparator.comparingLong(ScaleMonth.Run::heapPeakMib))));
            System.out.printf(
                    "goal 1: first / (fetch + COPY):  %.2f (goal <= 1.25)%n",
                    firstSeconds / (fetchSeconds + copySeconds));
            System.out.printf(
                    "        first / max(fetch, COPY): %.2f (overlapped reading and writing could approach 1)%n",
                    firstSeconds / Math.max(fetchSeconds, copySeconds));
            System.out.printf("goal 2: re-sync / fetch:         %.2f (goal <= 1.5)%n", resyncSeconds / fetchSeconds);
            printGoal3(month.lines, month.lines / firstSeconds, jvmShown, first, resyncs);
            // the server logs a line of phases per run, the measured month's last: its first sync, then the re-syncs
            int resyncsFrom = phases.size() - repeats;
            printPhases("first sync", phases.get(resyncsFrom - 2));
            printPhases("re-sync   ", phases.get(resyncsFrom + resyncs.indexOf(resync)));
        }
    }

    /**
     * Goal 3: the million-line month's first sync within 15% of the 200,000-line month's rate, at {@code -Xmx512m} with
     * a peak heap of at most 256 MiB. Each run of either size keeps its rate, with what it ran under, in
     * {@code target/bench/}, so that it compares itself with the latest run of the other size under the same.
     */
    private static void printGoal3(
            long lines, double rate, String jvm, ScaleMonth.Run first, List<ScaleMonth.Run> resyncs)
            throws IOException {
        if (lines != MILLION && lines != TWO_HUNDRED_THOUSAND) {
            System.out.printf(
                    "goal 3: compares the 200,000-line month with the million-line one, not %,d lines%n", lines);
            return;
        }
        String conditions = String.join(
                ", ",
                jvm,
                "template " + System.getProperty("template", "standard"),
                "months " + System.getProperty("months", "1"),
                "warm " + System.getProperty("warm", "true"));
        Path rates = Path.of("target", "bench");
        Files.createDirectories(rates);
        // a line each: the rate, when, and what the run ran under
        Files.write(
                rates.resolve("billing-sync-" + lines + ".rate"),
                List.of(String.format(Locale.ROOT, "%.0f", rate), Instant.now().toString(), conditions));
        System.out.printf(
                "goal 3: peak heap in use        first sync %d MiB, re-syncs %d MiB (goal <= 256 at -Xmx512m; this run %s)%n",
                first.heapPeakMib(),
                resyncs.stream().mapToLong(ScaleMonth.Run::heapPeakMib).max().orElse(0),
                jvm);
        long other = lines == MILLION ? TWO_HUNDRED_THOUSAND : MILLION;
        System.out.printf(
                "        million-line rate / 200,000-line rate: %s%n", rateRatio(rates, other, rate, conditions));
    }

    /** The ratio goal 3 reads, from this run's rate and the one the latest run of {@code other} lines kept. */
    private static String rateRatio(Path rates, long other, double rate, String conditions) throws IOException {
        Path kept = rates.resolve("billing-sync-" + other + ".rate");
        if (!Files.exists(kept)) {
            return "no %,d-line run in %s yet".formatted(other, rates);
        }
        List<String> fields = Files.readAllLines(kept);
        if (fields.size() != 3 || !fields.get(0).matches("\\d+")) {
            return kept + " is unreadable";
        }
        if (!fields.get(2).equals(conditions)) {
            return "the %,d-line run of %s ran under %s, not this run's %s"
                    .formatted(other, fields.get(1), fields.get(2), conditions);
        }
        double otherRate = Double.parseDouble(fields.get(0));
        double ratio = other == TWO_HUNDRED_THOUSAND ? rate / otherRate : otherRate / rate;
        return String.format(
                Locale.ROOT,
                "%.2f (goal >= 0.85; the %,d-line run of %s: %,.0f lines/s)",
                ratio,
                other,
                fields.get(1),
                otherRate);
    }

    /** The median run by the measure given. */
    private static <T> T median(List<T> runs, Function<T, Duration> measure) {
        List<T> sorted = new ArrayList<>(runs);
        sorted.sort(Comparator.comparing(measure));
        return sorted.get(Percentiles.index(sorted.size(), 0.5));
    }

    private static <T> String listed(List<T> runs, Function<T, Duration> measure) {
        return runs.stream()
                .map(run -> "%.1f".formatted(seconds(measure.apply(run))))
                .collect(Collectors.joining(" / "));
    }

    private static void printPhases(String run, String logLine) {
        System.out.printf("%s phases, ms: %s%n", run, logLine.substring(logLine.indexOf("in ms:") + 7));
    }

    /** A run's heap figures, as the goal reads them. */
    private static String heap(ScaleMonth.Run run) {
        return "%d MiB after a collection at most (peak in use %d MiB with garbage, old generation %d MiB)"
                .formatted(run.afterCollectionMib(), run.heapPeakMib(), run.oldPeakMib());
    }

    /**
     * The Arrow client reading a month's whole export from the emulator and parsing every row, as a sync does (of the
     * cells, those a billing line reads).
     */
    private static Read fetchOnly(ScaleMonth month, YearMonth period)
            throws IOException, SQLException, InterruptedException {
        month.awaitQuietDatabase();
        ArrowClients clients =
                new ArrowClients(new ArrowClientProperties(null, null, 0, null, null, 1000, 0, true, null, null, true));
        AtomicLong lines = new AtomicLong();
        com.sun.management.ThreadMXBean thread = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long allocated = thread.getCurrentThreadAllocatedBytes();
        long cpu = thread.getCurrentThreadCpuTime();
        CpuUse processesBefore = month.cpu();
        Instant start = Instant.now();
        clients.connect(month.arrow())
                .forEachExportPage(
                        ExportQuery.forPeriod(ScaleMonth.TEMPLATE, period),
                        BillingLine.COLUMNS,
                        page -> page.rows().stream()
                                .map(ExportRow::billingLine)
                                .forEach(line -> lines.incrementAndGet()));
        Duration time = Duration.between(start, Instant.now());
        CpuUse processes = month.cpu().since(processesBefore);
        if (lines.get() != month.lines) {
            throw new IllegalStateException("fetch-only read " + lines.get() + " lines of " + month.lines);
        }
        return new Read(
                time,
                thread.getCurrentThreadAllocatedBytes() - allocated,
                thread.getCurrentThreadCpuTime() - cpu,
                processes);
    }

    /**
     * One fetch-only read: its time, what its thread (which parses the pages; the HTTP client's threads take the bytes
     * in) allocated and ran on a CPU, and what each process used.
     */
    private record Read(Duration time, long allocated, long cpuNanos, CpuUse processes) {}

    /**
     * As many invoice items and sync items as the month has, written with COPY in one transaction into tables of the
     * same shape: same columns, defaults, checks, unique keys, indexes and foreign keys (to a real invoice and a real
     * sync).
     */
    private static Duration copyInsert(ScaleMonth month, long rows) throws SQLException, InterruptedException {
        month.awaitQuietDatabase();
        try (Connection connection = DriverManager.getConnection(month.jdbcUrl)) {
            long invoice = month.count("select min(id) from invoices");
            long sync = month.count("select min(id) from billing_syncs");
            connection.createStatement().execute("""
                    create table bench_items (like invoice_items including all);
                    create table bench_sync_items (like billing_sync_items including all);
                    alter table bench_items add foreign key (invoice_id) references invoices (id),
                        add foreign key (resource_id) references resources (id), add foreign key (project_id) references projects (id);
                    alter table bench_sync_items add foreign key (billing_sync_id) references billing_syncs (id),
                        add foreign key (invoice_item_id) references bench_items (id),
                        add foreign key (compensation_item_id) references bench_items (id)""");
            connection.setAutoCommit(false);
            Instant start = Instant.now();
            copy(
                    connection,
                    "copy bench_items (id, uuid, invoice_id, name, unit_price, quantity, currency, start_date, end_date,"
                            + " details, created) from stdin (format csv)",
                    rows,
                    i ->
                            "%d,%s,%d,Microsoft - Azure Plan (XSP%d; 2026-10; line SEQ-%d),%s,1,EUR,2026-10-01,2026-10-31,\"{\"\"source\"\": \"\"arrow\"\", \"\"arrow_line_reference\"\": \"\"SEQ-%d\"\", \"\"statement_reference\"\": \"\"SYNC-2026-10\"\", \"\"report_period\"\": \"\"2026-10\"\", \"\"vendor_name\"\": \"\"Microsoft\"\", \"\"quantity\"\": \"\"1\"\"}\",2026-11-26 10:00:00+00\n"
                                    .formatted(i, UUID.randomUUID(), invoice, 700000 + i % 2000, i, price(i), i));
            copy(
                    connection,
                    "copy bench_sync_items (id, uuid, billing_sync_id, arrow_line_reference, invoice_item_id, billed_via,"
                            + " original_price, current_price, invoiced, sell, buy, quantity, currency, vendor_name,"
                            + " subscription_reference, license_reference, classification, description, changed_in_run,"
                            + " created, modified) from stdin (format csv)",
                    rows,
                    i ->
                            "%d,%s,%d,SEQ-%d,%d,invoice,%s,%s,%s,%s,%s,1,EUR,Microsoft,SUB-%d,XSP%d,Azure,Microsoft - Azure Plan,1,2026-11-26 10:00:00+00,2026-11-26 10:00:00+00\n"
                                    .formatted(
                                            i,
                                            UUID.randomUUID(),
                                            sync,
                                            i,
                                            i,
                                            price(i),
                                            price(i),
                                            price(i),
                                            price(i),
                                            price(i),
                                            i / 10,
                                            700000 + i % 2000));
            connection.commit();
            return Duration.between(start, Instant.now());
        }
    }

    private interface Row {
        String csv(long i);
    }

    private static void copy(Connection connection, String sql, long rows, Row row) throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        StringBuilder chunk = new StringBuilder();
        for (long i = 1; i <= rows; i++) {
            chunk.append(row.csv(i));
            if (i % 5000 == 0 || i == rows) {
                byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
                copy.writeToCopy(bytes, 0, bytes.length);
                chunk.setLength(0);
            }
        }
        copy.endCopy();
    }

    private static String price(long i) {
        return "%d.%02d".formatted(i % 9973 / 100, i % 100);
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    private BillingSyncBenchmark() {}
}
