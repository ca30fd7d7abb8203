package org.arrowsync.reliability;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 2: a consumption month's life, with kill -9 in each of its runs. Consumption sync of October (provisional
 * records and items of the metered licenses), then Arrow corrects some metered lines and finalisation compensates the
 * difference, then the billing sync bills the rest of the month, Arrow corrects some seat lines and the forced billing
 * reconciliation compensates those. In a trial each of the three runs is killed at a random moment (10–90% of its clean
 * time), the server started again on the same database, and once the job has ended again the ledger must equal the
 * clean run's ledger after the same run. The compensations go on the invoice of the server's current month.
 */
final class ConsumptionKill {

    static final YearMonth OCTOBER = BillingKill.OCTOBER;
    private static final String PERIOD = "202610";

    /**
     * One run of the month's life: what happens on Arrow and in the books before it, and the trigger that queues it.
     */
    private record Step(String name, String action, Map<String, Object> body, Before before) {}

    @FunctionalInterface
    private interface Before {
        void run(ServerJar server, String settings, EmulatorJar emulator) throws InterruptedException;
    }

    private static final List<Step> STEPS = List.of(
            new Step(
                    "consumption sync",
                    "trigger_consumption_sync",
                    Map.of(),
                    (server, settings, emulator) ->
                            // Slower answers spread the run over a few seconds, for the kill to land inside it.
                            emulator.fault(Map.of(
                                    "family", "consumption", "kind", "latency", "latencyMs", 100, "probability", 1.0))),
            new Step(
                    "finalisation",
                    "trigger_reconciliation",
                    Map.of(),
                    (server, settings, emulator) ->
                            // Azure (slot 0) is metered: its finalisation meets a final amount other than the
                            // consumption.
                            correct(emulator, 0, "AZ24")),
            new Step("reconciliation", "reconcile", Map.of("force", true), (server, settings, emulator) -> {
                JsonNode billing = Lab.awaitJob(
                        List.of(server), Lab.trigger(server.api(), settings, OCTOBER), Duration.ofMinutes(5));
                if (!billing.get("state").asString().equals("succeeded")) {
                    throw new IllegalStateException("the billing sync before reconciliation failed: " + billing);
                }
                // Microsoft 365 Business Premium (slot 3) bills seats through the billing sync.
                correct(emulator, 3, "MS24");
            }));

    /** The clean run's ledger after each step, how long each step's job ran, and what it compensated. */
    private record Clean(List<Ledger> ledgers, List<Duration> times, String compensations) {}

    static Outcome run(Lab lab, EmulatorJar emulator, int trials) throws Exception {
        Set<YearMonth> months = Set.of(OCTOBER, YearMonth.now(ZoneOffset.UTC));
        Clean clean = clean(lab, emulator, months);
        Outcome outcome = new Outcome(
                "2. kill -9 during consumption sync, finalisation and reconciliation (%,d licenses)"
                        .formatted(emulator.customers() * emulator.licensesPerCustomer()),
                "ledger of October and the current month (%,d rows) vs clean run, after each run"
                        .formatted(clean.ledgers().get(STEPS.size() - 1).rows()));
        Map<String, Integer> midRun = new LinkedHashMap<>();
        for (int i = 1; i <= trials; i++) {
            emulator.reload();
            Lab.Trial trial = lab.trial("kill_consumption");
            ServerJar server = trial.server("server-0");
            try {
                String settings = setUp(trial, server, emulator);
                for (int s = 0; s < STEPS.size(); s++) {
                    Step step = STEPS.get(s);
                    List<String> failures = new ArrayList<>();
                    step.before().run(server, settings, emulator);
                    String job = Lab.trigger(server.api(), step.action(), settings, OCTOBER, step.body());
                    trial.awaitRunning(job);
                    Thread.sleep((long) (clean.times().get(s).toMillis() * (0.1 + 0.8 * lab.random.nextDouble())));
                    server.kill();
                    if (!trial.state(job).equals("succeeded")) {
                        midRun.merge(step.name(), 1, Integer::sum);
                    }
                    server = trial.server("server-" + (s + 1));
                    JsonNode ended = Lab.awaitJob(List.of(server), job, Duration.ofMinutes(10));
                    if (!ended.get("state").asString().equals("succeeded")) {
                        failures.add(
                                step.name() + " " + ended.get("state").asString() + ": " + ended.get("error_message"));
                    }
                    failures.addAll(
                            trial.ledger(months).differences(clean.ledgers().get(s)).stream()
                                    .map(difference -> step.name() + ": " + difference)
                                    .toList());
                    outcome.trial(failures);
                }
            } finally {
                server.stop();
                trial.drop();
            }
        }
        outcome.note(clean.compensations());
        for (int s = 0; s < STEPS.size(); s++) {
            String name = STEPS.get(s).name();
            outcome.note("%s: killed mid-run in %d of %d trials, at 10–90%% of the clean run's %.1f s"
                    .formatted(
                            name,
                            midRun.getOrDefault(name, 0),
                            trials,
                            clean.times().get(s).toMillis() / 1000.0));
        }
        return outcome;
    }

    /** The month's life run by one server that nothing disturbs; the ledger after each step. */
    private static Clean clean(Lab lab, EmulatorJar emulator, Set<YearMonth> months) throws Exception {
        emulator.reload();
        Lab.Trial trial = lab.trial("clean_consumption");
        ServerJar server = trial.server("clean");
        List<Ledger> ledgers = new ArrayList<>();
        List<Duration> times = new ArrayList<>();
        try {
            String settings = setUp(trial, server, emulator);
            for (Step step : STEPS) {
                step.before().run(server, settings, emulator);
                JsonNode job = Lab.awaitJob(
                        List.of(server),
                        Lab.trigger(server.api(), step.action(), settings, OCTOBER, step.body()),
                        Duration.ofMinutes(10));
                if (!job.get("state").asString().equals("succeeded")) {
                    throw new IllegalStateException("the clean " + step.name() + " failed: " + job);
                }
                times.add(Lab.ran(job));
                ledgers.add(trial.ledger(months));
            }
        } finally {
            server.stop();
        }
        Clean clean = new Clean(
                ledgers,
                times,
                "the clean run compensated %d consumption records and %d billing sync items"
                        .formatted(
                                compensated(trial, "consumption_records"), compensated(trial, "billing_sync_items")));
        trial.drop(); // the clean run's ledgers are kept in memory
        return clean;
    }

    private static long compensated(Lab.Trial trial, String table) {
        return trial.jdbc()
                .sql("select count(*) from " + table + " where compensation_item_id is not null")
                .query(Long.class)
                .single();
    }

    private static String setUp(Lab.Trial trial, ServerJar server, EmulatorJar emulator) {
        String settings = trial.setUp(server, emulator);
        trial.licensedResources(emulator);
        return settings;
    }

    /**
     * Every other customer's license in {@code slot} has its first October line corrected, alternately down and up, so
     * that compensations of both signs are booked.
     */
    private static void correct(EmulatorJar emulator, int slot, String prefix) {
        for (int customer = 0; customer < emulator.customers(); customer += 2) {
            long license = 4_000_001L + (long) customer * emulator.licensesPerCustomer() + slot;
            boolean credit = customer % 4 == 0;
            emulator.correct(
                    prefix + "-" + license + "-" + PERIOD + "-0",
                    credit ? "0.12345" : "987.65432",
                    credit ? "0.10000" : "800.00000");
        }
    }

    private ConsumptionKill() {}
}
