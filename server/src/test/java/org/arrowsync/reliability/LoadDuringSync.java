package org.arrowsync.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.arrowsync.support.Api;
import org.arrowsync.support.Percentiles;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 9: API clients read the admin API without pause while a billing sync of a large month runs. Every answer
 * must be a 200; the report gives each endpoint's p50, p95 and p99, the sync's time beside the clean run's time without
 * load, and the month's ledger must equal the clean run's.
 */
final class LoadDuringSync {

    static final YearMonth SEPTEMBER = YearMonth.of(2026, 9);

    /** What operators and the console read while a sync runs; {@code {job}} is the running job. */
    private static final List<String> ENDPOINTS = List.of(
            "/api/admin/arrow/jobs/{job}/",
            "/api/admin/arrow/jobs/",
            "/api/admin/arrow/billing-syncs/",
            "/api/admin/arrow/billing-sync-items/",
            "/api/invoice-items/",
            "/api/invoices/",
            "/api/admin/arrow/customer-mappings/",
            "/api/admin/arrow/consumption-records/",
            "/api/admin/arrow/settings/");

    /** HTTP/1.1 as a plain API client speaks it; the server's answers are not checked against the schema here. */
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    /** {@code clean} holds September of the emulator. */
    static Outcome run(Lab lab, EmulatorJar emulator, Lab.CleanRun clean, int clients, Duration length)
            throws Exception {
        Outcome outcome = new Outcome(
                "9. load: %d API clients for %d s during a billing sync (%,d lines)"
                        .formatted(clients, length.toSeconds(), emulator.linesPerMonth()),
                "every answer 200, p50/p95/p99 per endpoint; the sync's time vs without load; ledger of September vs clean run");
        Lab.Trial trial = lab.trial("load");
        ServerJar server = trial.server("server");
        List<String> failures = new ArrayList<>();
        try {
            String settings = trial.setUp(server, emulator);
            String job = Lab.trigger(server.api(), settings, SEPTEMBER);
            Map<String, Endpoint> endpoints = load(server.api(), job, clients, length);
            JsonNode ended = Lab.awaitJob(List.of(server), job, Duration.ofMinutes(15));
            if (!ended.get("state").asString().equals("succeeded")) {
                failures.add("the sync " + ended.get("state").asString() + ": " + ended.get("error_message"));
            }
            failures.addAll(trial.ledger(Set.of(SEPTEMBER)).differences(clean.ledger(Set.of(SEPTEMBER))));
            outcome.detail("| Endpoint | Requests | Errors | p50 ms | p95 ms | p99 ms |");
            outcome.detail("|---|---:|---:|---:|---:|---:|");
            long requests = 0;
            for (Map.Entry<String, Endpoint> endpoint : endpoints.entrySet()) {
                Endpoint e = endpoint.getValue();
                long[] millis = e.sortedMillis();
                requests += millis.length;
                outcome.detail("| `%s` | %,d | %d | %d | %d | %d |"
                        .formatted(
                                endpoint.getKey(),
                                millis.length,
                                e.errors.size(),
                                percentile(millis, 0.50),
                                percentile(millis, 0.95),
                                percentile(millis, 0.99)));
                if (!e.errors.isEmpty()) {
                    failures.add(endpoint.getKey() + ": " + e.errors.size() + " errors, first " + e.errors.peek());
                }
            }
            outcome.note("%,d requests in %d s (%.0f a second); the sync ran %.1f s under load, %.1f s without"
                    .formatted(
                            requests,
                            length.toSeconds(),
                            requests / (double) length.toSeconds(),
                            Lab.ran(ended).toMillis() / 1000.0,
                            clean.times().get(SEPTEMBER).toMillis() / 1000.0));
        } finally {
            server.stop();
            trial.drop();
        }
        outcome.trial(failures);
        return outcome;
    }

    /** Answers and errors of one endpoint, from every client. */
    private static final class Endpoint {
        final Queue<Long> nanos = new ConcurrentLinkedQueue<>();
        final Queue<String> errors = new ConcurrentLinkedQueue<>();

        long[] sortedMillis() {
            long[] millis = nanos.stream().mapToLong(n -> Math.round(n / 1e6)).toArray();
            Arrays.sort(millis);
            return millis;
        }
    }

    /** {@code clients} threads, each asking the endpoints in turn without pause until {@code length} is over. */
    private static Map<String, Endpoint> load(Api api, String job, int clients, Duration length) throws Exception {
        Map<String, Endpoint> endpoints = new LinkedHashMap<>();
        ENDPOINTS.forEach(path -> endpoints.put(path, new Endpoint()));
        Instant end = Instant.now().plus(length);
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                int first = c;
                running.add(pool.submit(() -> {
                    for (int i = first; Instant.now().isBefore(end); i++) {
                        String path = ENDPOINTS.get(i % ENDPOINTS.size());
                        Endpoint endpoint = endpoints.get(path);
                        HttpRequest request = HttpRequest.newBuilder(
                                        URI.create(api.baseUrl() + path.replace("{job}", job)))
                                .header("Authorization", "Token " + Api.ADMIN_TOKEN)
                                .timeout(Duration.ofSeconds(60))
                                .build();
                        long started = System.nanoTime();
                        try {
                            HttpResponse<byte[]> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            endpoint.nanos.add(System.nanoTime() - started);
                            if (answer.statusCode() != 200) {
                                endpoint.errors.add("HTTP " + answer.statusCode());
                            }
                        } catch (IOException e) {
                            endpoint.errors.add(e.toString());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return endpoints;
    }

    private static long percentile(long[] sorted, double q) {
        return sorted.length == 0 ? 0 : sorted[Percentiles.index(sorted.length, q)];
    }

    private LoadDuringSync() {}
}
