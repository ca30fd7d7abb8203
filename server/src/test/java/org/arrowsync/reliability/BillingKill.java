package org.arrowsync.reliability;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 1: kill -9 the server at a random moment of a billing sync, start it again on the same database; the queued
 * job runs again (its heartbeat stops, the restarted scheduler takes it) and leaves the clean run's ledger.
 */
final class BillingKill {

    static final YearMonth OCTOBER = YearMonth.of(2026, 10);

    static Outcome run(Lab lab, EmulatorJar emulator, Lab.CleanRun clean, int trials) throws Exception {
        Outcome outcome = new Outcome(
                "1. kill -9 during a billing sync (%,d lines), restart".formatted(emulator.linesPerMonth()),
                "ledger of October (%,d rows) vs clean run"
                        .formatted(clean.ledger(Set.of(OCTOBER)).rows()));
        long cleanMillis = clean.times().get(OCTOBER).toMillis();
        int midRun = 0;
        for (int i = 1; i <= trials; i++) {
            Lab.Trial trial = lab.trial("kill_billing");
            List<String> failures = new ArrayList<>();
            ServerJar first = trial.server("first");
            String job;
            long delay = (long) (cleanMillis * (0.1 + 0.8 * lab.random.nextDouble()));
            try {
                String settings = trial.setUp(first, emulator);
                job = Lab.trigger(first.api(), settings, OCTOBER);
                trial.awaitRunning(job);
                Thread.sleep(delay);
            } finally {
                first.kill();
            }
            if (!trial.state(job).equals("succeeded")) {
                midRun++;
            }
            ServerJar second = trial.server("second");
            try {
                JsonNode finished = Lab.awaitJob(List.of(second), job, Duration.ofMinutes(10));
                if (!finished.get("state").asString().equals("succeeded")) {
                    failures.add("job " + finished.get("state").asString() + ": " + finished.get("error_message"));
                }
                failures.addAll(trial.ledger(Set.of(OCTOBER)).differences(clean.ledger(Set.of(OCTOBER))));
            } finally {
                second.stop();
                trial.drop();
            }
            outcome.trial(failures);
        }
        outcome.note("killed mid-run in %d of %d trials, at 10–90%% of the clean sync's %.1f s"
                .formatted(midRun, trials, cleanMillis / 1000.0));
        return outcome;
    }

    private BillingKill() {}
}
