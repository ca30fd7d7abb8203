package org.arrowsync.reliability;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 3: three servers on one PostgreSQL. Twenty triggers of three months leave together, spread over the three
 * servers: one job per (settings, kind, month). Then the server running a sync is killed; another takes the job over
 * once its heartbeats are missed, and the books end as the clean run's.
 */
final class ThreeServers {

    static final Set<YearMonth> MONTHS = Set.of(YearMonth.of(2026, 8), YearMonth.of(2026, 9), YearMonth.of(2026, 10));
    private static final int TRIGGERS = 20;

    static Outcome run(Lab lab, EmulatorJar emulator, Lab.CleanRun clean, int trials) throws Exception {
        Outcome outcome = new Outcome(
                "3. three servers on one PostgreSQL: %d concurrent triggers, kill -9 the one running"
                        .formatted(TRIGGERS),
                "one job per (settings, kind, month); ledger of Aug–Oct (%,d rows) vs clean run"
                        .formatted(clean.ledger(MONTHS).rows()));
        List<YearMonth> months = List.copyOf(new TreeSet<>(MONTHS));
        ExecutorService pool = Executors.newFixedThreadPool(TRIGGERS);
        try {
            for (int i = 1; i <= trials; i++) {
                Lab.Trial trial = lab.trial("three_servers");
                List<String> failures = new ArrayList<>();
                List<Future<ServerJar>> starting = new ArrayList<>();
                for (String name : List.of("a", "b", "c")) {
                    starting.add(pool.submit(() -> trial.server(name)));
                }
                List<ServerJar> servers = new ArrayList<>();
                for (Future<ServerJar> server : starting) {
                    servers.add(server.get());
                    // The first answer of a server loads its API document, which every answer is checked against.
                    servers.get(servers.size() - 1)
                            .api()
                            .get("/api/admin/arrow/jobs/")
                            .expect(200);
                }
                try {
                    String settings = trial.setUp(servers.get(0), emulator);
                    // Slow pages keep the runs going while the triggers arrive and when the kill lands.
                    emulator.fault(
                            Map.of("family", "exports", "kind", "latency", "latencyMs", 300, "probability", 1.0));
                    CyclicBarrier together = new CyclicBarrier(TRIGGERS);
                    List<Future<String>> triggers = new ArrayList<>();
                    for (int t = 0; t < TRIGGERS; t++) {
                        ServerJar server = servers.get(t % 3);
                        YearMonth month = months.get((t / 3) % 3);
                        triggers.add(pool.submit(() -> {
                            together.await();
                            return Lab.trigger(server.api(), settings, month);
                        }));
                    }
                    Set<String> jobs = new TreeSet<>();
                    for (Future<String> trigger : triggers) {
                        jobs.add(trigger.get());
                    }
                    failures.addAll(oneJobPerMonth(trial, jobs));

                    long pid = awaitRunner(trial);
                    ServerJar runner = servers.stream()
                            .filter(server -> server.pid() == pid)
                            .findFirst()
                            .orElseThrow(() -> new IllegalStateException("no server has pid " + pid));
                    Instant killed = Instant.now();
                    runner.kill();
                    int takenOver = 0;
                    for (String job : jobs) {
                        JsonNode finished = Lab.awaitJob(servers, job, Duration.ofMinutes(10));
                        if (!finished.get("state").asString().equals("succeeded")) {
                            failures.add(
                                    "job " + finished.get("state").asString() + ": " + finished.get("error_message"));
                        }
                        takenOver += finished.get("attempts").asInt() > 1 ? 1 : 0;
                    }
                    if (takenOver == 0) {
                        failures.add("no job of the killed server was run again");
                    }
                    outcome.note("trial %d: killed server %s, the survivors ended every month %.1f s later"
                            .formatted(
                                    i,
                                    runner.name(),
                                    Duration.between(killed, Instant.now()).toMillis() / 1000.0));
                    failures.addAll(oneJobPerMonth(trial, jobs));
                    failures.addAll(trial.ledger(MONTHS).differences(clean.ledger(MONTHS)));
                } finally {
                    emulator.clearFaults();
                    for (ServerJar server : servers) {
                        server.stop();
                    }
                    trial.drop();
                }
                outcome.trial(failures);
            }
        } finally {
            pool.shutdownNow();
        }
        return outcome;
    }

    /** Every trigger answered with one of three jobs, and the database holds exactly one per month. */
    private static List<String> oneJobPerMonth(Lab.Trial trial, Set<String> answered) {
        List<String> failures = new ArrayList<>();
        if (answered.size() != MONTHS.size()) {
            failures.add(TRIGGERS + " triggers answered with " + answered.size() + " jobs");
        }
        List<String> counts = trial.jdbc()
                .sql(
                        "select period || ': ' || count(*) from arrow_jobs where kind = 'billing_sync' group by settings_id, kind, period")
                .query(String.class)
                .list();
        if (counts.size() != MONTHS.size() || counts.stream().anyMatch(count -> !count.endsWith(": 1"))) {
            failures.add("jobs per month: " + counts);
        }
        return failures;
    }

    /** The pid of the server holding a running job ({@code picked_by} is {@code <host>#<pid>}). */
    private static long awaitRunner(Lab.Trial trial) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            Optional<String> pickedBy = trial.jdbc()
                    .sql("select picked_by from scheduled_tasks where picked and picked_by is not null limit 1")
                    .query(String.class)
                    .optional();
            if (pickedBy.isPresent()) {
                return Long.parseLong(pickedBy.get().substring(pickedBy.get().lastIndexOf('#') + 1));
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("no server picked a job");
    }

    private ThreeServers() {}
}
