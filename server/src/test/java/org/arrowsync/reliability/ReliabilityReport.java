package org.arrowsync.reliability;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;

/**
 * reliability/run: real processes (server jars, emulator jars, one PostgreSQL) put through crashes, several servers on
 * one database and upstream faults; every trial's ledger is compared with a clean run of the same work. Prints one
 * table; exits non-zero when any trial failed. {@code --quick}: smaller months, fewer trials, no test suites (the build
 * runs them); {@code -Dscenarios=1,5}: only those; {@code -Dseed=N}: the random kill moments of an earlier run.
 */
public final class ReliabilityReport {

    public static void main(String[] args) throws Exception {
        // The harness's own PostgreSQL and HTTP clients would drown the table in their logs.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        boolean quick = List.of(args).contains("--quick");
        long seed = Long.getLong("seed", System.currentTimeMillis());
        Path work = Files.createTempDirectory("arrowsync-reliability");
        System.out.printf(
                "reliability run (%s), seed %d, processes' logs in %s%n", quick ? "quick" : "full", seed, work);
        Instant start = Instant.now();
        List<Outcome> outcomes = new ArrayList<>();
        Set<String> scenarios = Set.of(System.getProperty("scenarios", quick ? "1,2,3,4,5,9" : "1,2,3,4,5,6,7,8,9")
                .split(","));
        // The scenarios start many short-lived servers: the client compiler alone starts them about a third faster.
        try (Lab lab = new Lab(work, seed, List.of("-XX:TieredStopAtLevel=1"));
                EmulatorJar large = EmulatorJar.start(work, "emulator-large", quick ? 50 : 500, 10, 10);
                EmulatorJar small = EmulatorJar.start(work, "emulator-small", 30, 5, 10)) {
            // The quick load scenario reads during a sync of the large emulator's September.
            boolean largeUsed = scenarios.contains("1")
                    || scenarios.contains("3")
                    || scenarios.contains("4")
                    || (quick && scenarios.contains("9"));
            Lab.CleanRun clean = largeUsed ? lab.clean(large, ThreeServers.MONTHS) : null;
            if (scenarios.contains("1")) {
                outcomes.add(attempt(
                        "1. kill -9 during a billing sync", () -> BillingKill.run(lab, large, clean, quick ? 1 : 10)));
            }
            if (scenarios.contains("3")) {
                outcomes.add(attempt(
                        "3. three servers on one PostgreSQL",
                        () -> ThreeServers.run(lab, large, clean, quick ? 1 : 3)));
            }
            if (scenarios.contains("4")) {
                outcomes.add(attempt(
                        "4. PostgreSQL restarted during a sync",
                        () -> PostgresRestart.run(lab, large, clean, quick ? 1 : 3)));
            }
            if (scenarios.contains("9") && quick) {
                outcomes.add(attempt(
                        "9. load during a billing sync",
                        () -> LoadDuringSync.run(lab, large, clean, 10, Duration.ofSeconds(10))));
            }
            if (clean != null) {
                clean.trial().drop();
            }
            if (scenarios.contains("2")) {
                try (EmulatorJar consumption =
                        EmulatorJar.start(work, "emulator-consumption", quick ? 30 : 100, 5, 10)) {
                    outcomes.add(attempt(
                            "2. kill -9 during consumption sync, finalisation and reconciliation",
                            () -> ConsumptionKill.run(lab, consumption, quick ? 1 : 5)));
                }
            }
            if (scenarios.contains("9") && !quick) {
                // The figures of the full load scenario come from servers as they run in production (both compilers).
                outcomes.add(attempt("9. load during a billing sync", () -> {
                    try (Lab tuned = new Lab(work.resolve("load"), seed, List.of());
                            EmulatorJar scale = EmulatorJar.start(work, "emulator-scale", 2000, 10, 10)) {
                        return LoadDuringSync.run(
                                tuned,
                                scale,
                                tuned.clean(scale, Set.of(LoadDuringSync.SEPTEMBER)),
                                50,
                                Duration.ofSeconds(60));
                    }
                }));
            }
            if (scenarios.contains("5")) {
                Lab.CleanRun cleanSmall = lab.clean(small, UpstreamFaults.MONTHS);
                outcomes.add(attempt("5. upstream faults", () -> UpstreamFaults.run(lab, small, cleanSmall)));
            }
        }
        if (scenarios.contains("6")) {
            outcomes.add(TestSuites.hostileInput());
        }
        if (scenarios.contains("7")) {
            outcomes.add(TestSuites.accessMatrix());
        }
        if (scenarios.contains("8")) {
            outcomes.add(TestSuites.secrets());
        }
        outcomes.sort(Comparator.comparing(outcome -> outcome.scenario));
        print(outcomes, Duration.between(start, Instant.now()));
        if (outcomes.stream().anyMatch(outcome -> !outcome.failures().isEmpty())) {
            System.exit(1);
        }
    }

    /** The scenario's outcome, or one failed trial saying why the scenario could not go on. */
    private static Outcome attempt(String scenario, Callable<Outcome> run) {
        try {
            return run.call();
        } catch (Exception e) {
            Outcome aborted = new Outcome(scenario, "aborted");
            aborted.trial(List.of(e.toString()));
            return aborted;
        }
    }

    private static void print(List<Outcome> outcomes, Duration time) {
        System.out.println();
        System.out.println("| Scenario | Trials | Failures | Compared |");
        System.out.println("|---|---:|---:|---|");
        for (Outcome outcome : outcomes) {
            System.out.printf(
                    "| %s | %d | %d | %s |%n",
                    outcome.scenario, outcome.trials(), outcome.failures().size(), outcome.compared);
        }
        System.out.println();
        for (Outcome outcome : outcomes) {
            outcome.notes().forEach(note -> System.out.println(outcome.scenario.substring(0, 2) + " " + note));
            outcome.failures()
                    .forEach(failure -> System.out.println(outcome.scenario.substring(0, 2) + " FAILED " + failure));
        }
        for (Outcome outcome : outcomes) {
            if (!outcome.details().isEmpty()) {
                System.out.println();
                outcome.details().forEach(System.out::println);
            }
        }
        System.out.printf("%ntotal time %d min %d s%n", time.toMinutes(), time.toSecondsPart());
    }

    private ReliabilityReport() {}
}
