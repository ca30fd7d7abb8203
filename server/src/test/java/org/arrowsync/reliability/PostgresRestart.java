package org.arrowsync.reliability;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 4: PostgreSQL stopped and started again while a billing sync runs. The job ends, succeeded after a retry or
 * failed with its reason, with nothing of the month half-written; the server, never restarted, answers again and the
 * next sync leaves the clean run's ledger.
 */
final class PostgresRestart {

    static Outcome run(Lab lab, EmulatorJar emulator, Lab.CleanRun clean, int trials) throws Exception {
        Outcome outcome = new Outcome(
                "4. PostgreSQL restarted during a billing sync (%,d lines)".formatted(emulator.linesPerMonth()),
                "job ended (reason if failed), nothing half-written; ledger after the next sync vs clean run");
        YearMonth month = BillingKill.OCTOBER;
        for (int i = 1; i <= trials; i++) {
            Lab.Trial trial = lab.trial("postgres_restart");
            ServerJar server = trial.server("server");
            List<String> failures = new ArrayList<>();
            try {
                String settings = trial.setUp(server, emulator);
                // Slow pages, so that the restart lands inside the run.
                emulator.fault(Map.of("family", "exports", "kind", "latency", "latencyMs", 1000, "count", 3));
                String job = Lab.trigger(server.api(), settings, month);
                trial.awaitRunning(job);
                Thread.sleep(500 + lab.random.nextInt(1500));
                lab.postgres.restart();
                JsonNode ended = Lab.awaitJob(List.of(server), job, Duration.ofMinutes(5));
                emulator.clearFaults();
                failures.addAll(trial.endedCleanly(ended, month, clean));
                failures.addAll(trial.syncsLikeTheCleanRun(server, settings, month, clean));
                outcome.note("trial %d: the interrupted job %s%s"
                        .formatted(
                                i,
                                ended.get("state").asString(),
                                ended.get("state").asString().equals("failed")
                                        ? ": " + ended.get("error_message").asString()
                                        : " after " + ended.get("attempts").asInt() + " attempt(s)"));
            } catch (IllegalStateException e) {
                failures.add(e.getMessage());
            } finally {
                emulator.clearFaults();
                server.stop();
                trial.drop();
            }
            outcome.trial(failures);
        }
        return outcome;
    }

    private PostgresRestart() {}
}
