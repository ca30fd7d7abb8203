package org.arrowsync.reliability;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Scenario 5: each fault kind of the emulator injected into the export pages of a month's first sync. The sync either
 * retries through it and leaves the clean run's ledger, or fails with the reason on the job and leaves nothing of the
 * month; the next sync without the fault then leaves the clean run's ledger.
 */
final class UpstreamFaults {

    /** Per kind, the fault as the emulator's control API takes it. */
    static final Map<String, Map<String, Object>> FAULTS = new LinkedHashMap<>();

    static {
        FAULTS.put("500", Map.of("kind", "500", "count", 2));
        FAULTS.put("502", Map.of("kind", "502", "count", 2));
        FAULTS.put("503", Map.of("kind", "503", "count", 2));
        FAULTS.put("429 with Retry-After", Map.of("kind", "429", "retryAfter", 1, "count", 2));
        FAULTS.put("answer slower than the read timeout", Map.of("kind", "latency", "latencyMs", 4000, "count", 1));
        FAULTS.put("answer dripping a byte at a time", Map.of("kind", "drip", "latencyMs", 200, "count", 1));
        FAULTS.put("truncated body", Map.of("kind", "malformed_json", "count", 1));
        FAULTS.put("non-JSON body", Map.of("kind", "garbage", "count", 1));
        FAULTS.put("connection reset mid-answer", Map.of("kind", "reset", "count", 2));
        FAULTS.put("oversized body", Map.of("kind", "huge", "sizeMb", 40, "count", 1));
        FAULTS.put("endless paging", Map.of("kind", "ignore_parameters", "probability", 1.0));
        FAULTS.put("page number 0", Map.of("kind", "page_zero", "count", 1));
        FAULTS.put("short page", Map.of("kind", "short_page", "count", 1));
    }

    /** One month per fault kind, so every fault meets a month's first sync. */
    static final Set<YearMonth> MONTHS = months();

    /** The server's client: a short read timeout and page cap, so that slow answers and endless paging end soon. */
    static final String[] CLIENT = {
        "--arrowsync.arrow.client.read-timeout=2s",
        "--arrowsync.arrow.client.initial-backoff=200ms",
        "--arrowsync.arrow.client.max-backoff=2s",
        "--arrowsync.arrow.client.max-pages=20"
    };

    static Outcome run(Lab lab, EmulatorJar emulator, Lab.CleanRun clean) throws Exception {
        Outcome outcome = new Outcome(
                "5. every upstream fault kind during a billing sync (%d kinds)".formatted(FAULTS.size()),
                "the month's ledger vs clean run, after the faulted sync and after a sync without fault");
        Lab.Trial trial = lab.trial("upstream_faults");
        ServerJar server = trial.server("server", CLIENT);
        try {
            String settings = trial.setUp(server, emulator);
            List<YearMonth> months = List.copyOf(new TreeSet<>(MONTHS));
            int i = 0;
            for (Map.Entry<String, Map<String, Object>> fault : FAULTS.entrySet()) {
                YearMonth month = months.get(i++);
                Map<String, Object> injected = new LinkedHashMap<>(fault.getValue());
                injected.put("family", "exports");
                emulator.fault(injected);
                JsonNode faulted = Lab.awaitJob(
                        List.of(server), Lab.trigger(server.api(), settings, month), Duration.ofMinutes(5));
                emulator.clearFaults();
                String state = faulted.get("state").asString();
                List<String> failures = new ArrayList<>();
                if (clean.ledger(Set.of(month)).rows() == 0) {
                    failures.add("the emulator has no lines in " + month + ": the fault met nothing");
                }
                failures.addAll(trial.endedCleanly(faulted, month, clean));
                failures.addAll(trial.syncsLikeTheCleanRun(server, settings, month, clean));
                outcome.trial(failures.stream()
                        .map(failure -> fault.getKey() + ": " + failure)
                        .toList());
                outcome.note(fault.getKey() + ": "
                        + (state.equals("succeeded")
                                ? "succeeded after retries"
                                : "failed cleanly: "
                                        + faulted.get("error_message").asString()));
            }
        } finally {
            server.stop();
            trial.drop();
        }
        return outcome;
    }

    private static Set<YearMonth> months() {
        Set<YearMonth> months = new TreeSet<>();
        for (int i = 0; i < FAULTS.size(); i++) {
            months.add(YearMonth.of(2026, 10).minusMonths(i));
        }
        return months;
    }

    private UpstreamFaults() {}
}
