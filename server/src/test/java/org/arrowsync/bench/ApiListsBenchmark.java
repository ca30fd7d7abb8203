package org.arrowsync.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.arrowsync.support.Api;
import org.arrowsync.support.Percentiles;
import org.arrowsync.support.Response;
import org.arrowsync.support.ServerTimings;

/**
 * bench/api-lists: the scale month (see {@link ScaleMonth}; {@code -Dcustomers=20000} for a million lines) synced, a
 * consumption record per license beside it (inserted as setup), then the five list endpoints that grow with lines read
 * at page 1 and page 500 (page_size 100), without a filter and with each of their filters alone. Prints a table of p50
 * and p95 over {@code -Dsamples} requests (default 20, after every URL once and 3 unmeasured), the p50 of the server's
 * time before it began to write its answer ({@code Server-Timing}: the rest is writing and reading the answer) and of
 * the parts of it the server times (the list's count, its page, the rows read beside it), so that a list over the goal
 * says which part is the cost, the size of each answer and the machine's load; asserts nothing. A measured request is
 * timed as a plain HTTP client makes it and reads its whole answer; the unmeasured ones go through the tests' client,
 * which also checks each answer against the served API description (on a page of invoices, that check took longer than
 * the server).
 */
public final class ApiListsBenchmark {

    private static final int SAMPLES = Integer.getInteger("samples", 20);
    private static final int WARMUP = 3;
    private static final int[] PAGES = {1, 500};
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    public static void main(String[] args) throws Exception {
        try (ScaleMonth month = ScaleMonth.start("512m")) {
            month.sync();
            addConsumptionRecords(month);
            Map<String, List<String>> endpoints = endpoints(month);
            // Every URL once before any is measured: the server's code is compiled and its caches warm for all of them.
            for (Map.Entry<String, List<String>> endpoint : endpoints.entrySet()) {
                for (String filter : endpoint.getValue()) {
                    for (int page : PAGES) {
                        month.api.get(url(endpoint.getKey(), filter, page));
                    }
                }
            }
            System.out.printf(
                    "lines in the month: %,d; %d samples per row (ms); load average %s%n",
                    month.lines, SAMPLES, loadAverage());
            System.out.printf(
                    "%-40s %-58s %5s %8s %8s %8s %7s %7s %7s %10s%n",
                    "endpoint", "filter", "page", "p50", "p95", "app p50", "count", "page", "related", "bytes");
            double worst = 0;
            for (Map.Entry<String, List<String>> endpoint : endpoints.entrySet()) {
                for (String filter : endpoint.getValue()) {
                    for (int page : PAGES) {
                        Timing timing = measure(month.api, url(endpoint.getKey(), filter, page));
                        worst = Math.max(worst, timing.p95());
                        System.out.printf(
                                "%-40s %-58s %5d %8.1f %8.1f %8.1f %7.1f %7.1f %7.1f %,10d%s%n",
                                endpoint.getKey(),
                                filter.isEmpty() ? "(none)" : abbreviate(filter),
                                page,
                                timing.p50(),
                                timing.p95(),
                                timing.partP50("app"),
                                timing.partP50("count"),
                                timing.partP50("page"),
                                timing.partP50("related"),
                                timing.bytes(),
                                timing.status() == 404 ? "  (404: past the last page)" : "");
                    }
                }
            }
            System.out.printf("worst p95: %.1f ms (goal <= 50); load average %s%n", worst, loadAverage());
        }
    }

    private static String url(String endpoint, String filter, int page) {
        return endpoint + "?page=" + page + "&page_size=100" + (filter.isEmpty() ? "" : "&" + filter);
    }

    /** Each endpoint with its filters, each given a value the month's data has. */
    private static Map<String, List<String>> endpoints(ScaleMonth month) throws SQLException {
        Map<String, List<String>> endpoints = new LinkedHashMap<>();
        try (Connection connection = DriverManager.getConnection(month.jdbcUrl)) {
            String[] item = row(connection, """
                    select b.uuid, t.vendor_name, t.classification, t.subscription_reference, t.arrow_line_reference,
                           b.statement_reference, m.uuid
                    from billing_sync_items t join billing_syncs b on b.id = t.billing_sync_id
                    join customer_mappings m on m.id = b.customer_mapping_id order by t.id desc limit 1""");
            String[] invoiceItem = row(connection, """
                    select iv.uuid, c.uuid, it.name, iv.state from invoice_items it join invoices iv on iv.id = it.invoice_id
                    join customers c on c.id = iv.customer_id order by it.id desc limit 1""");
            String[] record = row(connection, """
                    select r.uuid, p.uuid, c.uuid, x.license_reference from consumption_records x
                    join resources r on r.id = x.resource_id join projects p on p.id = r.project_id
                    join customers c on c.id = p.customer_id order by x.id desc limit 1""");
            endpoints.put(
                    "/api/admin/arrow/billing-sync-items/",
                    List.of(
                            "",
                            "billing_sync_uuid=" + item[0],
                            "report_period=" + month.period,
                            "vendor_name=" + item[1],
                            "classification=" + item[2],
                            "subscription_reference=" + item[3],
                            "arrow_line_reference=" + item[4],
                            "has_compensation=true"));
            endpoints.put(
                    "/api/invoice-items/",
                    List.of(
                            "",
                            "invoice_uuid=" + invoiceItem[0],
                            "customer_uuid=" + invoiceItem[1],
                            "project_uuid=" + record[1],
                            "resource_uuid=" + record[0],
                            "year=" + month.period.getYear(),
                            "month=" + month.period.getMonthValue(),
                            "name=" + URLEncoder.encode(invoiceItem[2].substring(0, 20), StandardCharsets.UTF_8)));
            endpoints.put(
                    "/api/admin/arrow/billing-syncs/",
                    List.of(
                            "",
                            "customer_mapping_uuid=" + item[6],
                            "settings_uuid=" + month.settings,
                            "statement_reference=" + item[5],
                            "report_period=" + month.period,
                            "report_period_from=" + month.period,
                            "report_period_to=" + month.period,
                            "state=2",
                            "arrow_state=pending"));
            endpoints.put(
                    "/api/admin/arrow/consumption-records/",
                    List.of(
                            "",
                            "resource_uuid=" + record[0],
                            "project_uuid=" + record[1],
                            "customer_uuid=" + record[2],
                            "license_reference=" + record[3],
                            "billing_period=" + month.period.atDay(1),
                            "billing_period_from=" + month.period.atDay(1),
                            "billing_period_to=" + month.period.atEndOfMonth(),
                            "is_finalized=false",
                            "is_reconciled=false"));
            endpoints.put(
                    "/api/invoices/",
                    List.of(
                            "",
                            "customer_uuid=" + invoiceItem[1],
                            "year=" + month.period.getYear(),
                            "month=" + month.period.getMonthValue(),
                            "state=" + invoiceItem[3]));
        }
        return endpoints;
    }

    /**
     * A URL's p50 and p95 in milliseconds over {@code SAMPLES} requests, the p50 of each part of the server's time its
     * {@code Server-Timing} gives ({@code app}: all of it before it began to write its answer, the rest of a request
     * being writing and reading the answer; of that, the list's {@code count}, its {@code page} and the rows read
     * beside the page, {@code related}: an invoice's items, a sync's), its status (404: past the last page) and the
     * size of its answer.
     */
    private record Timing(double p50, double p95, Map<String, Double> partsP50, int status, long bytes) {

        /** The part's p50, 0 where the server did not time it (a page past the last reads no page). */
        double partP50(String part) {
            return partsP50.getOrDefault(part, 0.0);
        }
    }

    private static Timing measure(Api api, String url) throws IOException, InterruptedException {
        int status = 0;
        long bytes = 0;
        // Through the tests' client, which checks each answer against the served API description: not timed.
        for (int i = 0; i < WARMUP; i++) {
            Response response = api.get(url);
            status = response.status();
            bytes = response.body().getBytes(StandardCharsets.UTF_8).length;
        }
        if (status != 200 && status != 404) {
            throw new IllegalStateException(url + " answered " + status);
        }
        // Timed: the request and its whole answer read as bytes, as a client receives it, nothing more.
        HttpRequest request = HttpRequest.newBuilder(URI.create(api.baseUrl() + url))
                .header("Authorization", "Token " + Api.ADMIN_TOKEN)
                .build();
        double[] millis = new double[SAMPLES];
        Map<String, double[]> parts = new LinkedHashMap<>();
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            HttpResponse<byte[]> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis[i] = (System.nanoTime() - start) / 1e6;
            int sample = i;
            ServerTimings.parse(answer.headers().firstValue("Server-Timing").orElse(null))
                    .forEach((part, ms) -> parts.computeIfAbsent(part, p -> new double[SAMPLES])[sample] = ms);
            if (answer.statusCode() != status || answer.body().length != bytes) {
                throw new IllegalStateException(url + " answered " + answer.statusCode() + " with "
                        + answer.body().length + " bytes, where it answered " + status + " with " + bytes);
            }
        }
        Arrays.sort(millis);
        Map<String, Double> partsP50 = new LinkedHashMap<>();
        parts.forEach((part, ms) -> {
            Arrays.sort(ms);
            partsP50.put(part, percentile(ms, 50));
        });
        return new Timing(percentile(millis, 50), percentile(millis, 95), partsP50, status, bytes);
    }

    private static double percentile(double[] sorted, int percent) {
        return sorted[Percentiles.index(sorted.length, percent / 100.0)];
    }

    /**
     * A project per customer, a resource per license and a consumption record per resource for the month: as many
     * records as consumption tracking would keep for the month's licenses. Setup, not measured.
     */
    private static void addConsumptionRecords(ScaleMonth month) throws SQLException {
        int licenses = Integer.parseInt(System.getProperty("licenses", "10"));
        try (Connection connection = DriverManager.getConnection(month.jdbcUrl)) {
            connection.createStatement().execute("""
                    insert into offerings (uuid, name, type, state, created, modified)
                    values (gen_random_uuid(), 'Bench offering', 'Marketplace.Basic', 'Active', now(), now());
                    insert into projects (uuid, customer_id, name, created, modified)
                    select gen_random_uuid(), c.id, 'Project of ' || c.name, now(), now() from customers c;
                    insert into resources (uuid, name, backend_id, state, offering_id, project_id, attributes, created, modified)
                    select gen_random_uuid(), 'License ' || p.id || '-' || n, 'XSP' || p.id || '-' || n, 'OK',
                           (select max(id) from offerings), p.id,
                           jsonb_build_object('arrow_license_reference', 'XSP' || p.id || '-' || n), now(), now()
                    from projects p cross join generate_series(1, %d) n;
                    insert into consumption_records (uuid, resource_id, license_reference, billing_period, consumed_sell, consumed_buy,
                                                     last_sync_at, created, modified)
                    select gen_random_uuid(), r.id, r.backend_id, date '%s', r.id %% 1000, r.id %% 900, now(), now(), now()
                    from resources r;
                    analyze""".formatted(licenses, month.period.atDay(1)));
        }
    }

    private static String[] row(Connection connection, String sql) throws SQLException {
        try (ResultSet result = connection.createStatement().executeQuery(sql)) {
            result.next();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                values.add(result.getString(i));
            }
            return values.toArray(String[]::new);
        }
    }

    /** The machine's load averages over 1, 5 and 15 minutes: the figures are as noisy as the machine is busy. */
    private static String loadAverage() throws IOException {
        String[] load = Files.readString(Path.of("/proc/loadavg")).split(" ");
        return load[0] + " " + load[1] + " " + load[2];
    }

    private static String abbreviate(String filter) {
        return filter.length() <= 58 ? filter : filter.substring(0, 55) + "...";
    }

    private ApiListsBenchmark() {}
}
