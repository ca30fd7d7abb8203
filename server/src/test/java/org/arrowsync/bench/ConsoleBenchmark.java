package org.arrowsync.bench;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arrowsync.console.ConsoleSession;
import org.arrowsync.support.Percentiles;

/**
 * bench/console: the billing benchmark's month (200,000 lines over 2,000 mapped customers, emulator preset "scale")
 * synced by a server at -Xmx512m, then every console page loaded 20 times after a warm-up; prints p50 and p95 of each
 * page's time to the last byte on loopback (the server's time; nothing else runs). Asserts nothing.
 */
public final class ConsoleBenchmark {

    static final int LOADS = 20;
    static final int WARM_UP = 3;
    static final String PASSWORD = "bench-console-password";

    public static void main(String[] args) throws Exception {
        try (ScaleMonth month = ScaleMonth.start("512m", "--arrowsync.admin-password=" + PASSWORD)) {
            ScaleMonth.Run sync = month.sync();
            long lines = month.count("select count(*) from billing_sync_items");
            System.out.printf(
                    "month synced: %,d lines over %,d customers in %.1f s%n",
                    lines, month.customers, sync.time().toMillis() / 1000.0);

            Map<String, String> pages = pages(month.jdbcUrl, month.settings, month.period);
            ConsoleSession console = new ConsoleSession(month.serverPort);
            console.signIn("admin", PASSWORD);
            System.out.printf("%-34s %8s %8s %8s%n", "page (" + LOADS + " loads)", "p50 ms", "p95 ms", "KiB");
            for (Map.Entry<String, String> page : pages.entrySet()) {
                for (int i = 0; i < WARM_UP; i++) {
                    load(console, page.getValue());
                }
                List<Double> times = new ArrayList<>();
                int size = 0;
                for (int i = 0; i < LOADS; i++) {
                    long start = System.nanoTime();
                    size = load(console, page.getValue()).body().length();
                    times.add((System.nanoTime() - start) / 1e6);
                }
                Collections.sort(times);
                System.out.printf(
                        "%-34s %8.1f %8.1f %8d%n",
                        page.getKey(), percentile(times, 50), percentile(times, 95), size / 1024);
            }
        }
    }

    /** Every console page a month end visits, with real uuids of the benchmark's month. */
    private static Map<String, String> pages(String jdbcUrl, String settings, YearMonth period) throws Exception {
        String sync;
        String mapping;
        String invoice;
        try (Connection connection = DriverManager.getConnection(jdbcUrl)) {
            sync = first(connection, "select replace(uuid::text, '-', '') from billing_syncs order by id limit 1");
            mapping =
                    first(connection, "select replace(uuid::text, '-', '') from customer_mappings order by id limit 1");
            invoice = first(connection, "select replace(uuid::text, '-', '') from invoices order by id limit 1");
        }
        String month = "/months/" + settings + "/" + period;
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("overview", "/");
        pages.put("months", "/months");
        pages.put("month", month);
        pages.put("month, page 40 of syncs", month + "?page=40");
        pages.put("sync lines", month + "/syncs/" + sync);
        pages.put("mappings", "/mappings");
        pages.put("mapping", "/mappings/" + mapping);
        pages.put("consumption", "/consumption");
        pages.put("jobs", "/jobs");
        pages.put("invoices", "/invoices");
        pages.put("invoice", "/invoices/" + invoice);
        pages.put("margins", "/margins?settings=" + settings + "&month=" + period);
        pages.put("settings", "/settings/" + settings);
        pages.put("users", "/users");
        return pages;
    }

    private static HttpResponse<String> load(ConsoleSession console, String path) {
        HttpResponse<String> response = console.get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response;
    }

    private static String first(Connection connection, String sql) throws Exception {
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static double percentile(List<Double> sorted, int percent) {
        return sorted.get(Percentiles.index(sorted.size(), percent / 100.0));
    }
}
