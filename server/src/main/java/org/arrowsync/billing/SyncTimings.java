package org.arrowsync.billing;

import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Where one sync run's time went, phase by phase, for its log line: so a slow run says whether Arrow, parsing,
 * matching, writing, finishing or the commit was the cost. Phases are timed on both threads of a run (the fetching one
 * reads Arrow and parses, the writing one matches and writes), so they overlap and need not add up to the run.
 */
final class SyncTimings {

    enum Phase {
        /** Waiting for Arrow's pages and reading their JSON, on the fetching thread. */
        FETCH,
        /** Turning the pages' rows into billing lines, on the fetching thread. */
        PARSE,
        /** Finding the lines' items and syncs, pricing them. */
        MATCH,
        /** Writing a page's invoice items and sync items. */
        WRITE,
        /** The month's closing statements: removed lines, totals, the run's record. */
        FINISH,
        /** Committing the month's transaction. */
        COMMIT
    }

    private final Map<Phase, AtomicLong> nanos = new EnumMap<>(Phase.class);

    SyncTimings() {
        for (Phase phase : Phase.values()) {
            nanos.put(phase, new AtomicLong());
        }
    }

    <T> T time(Phase phase, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            add(phase, System.nanoTime() - start);
        }
    }

    void time(Phase phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    void add(Phase phase, long elapsedNanos) {
        nanos.get(phase).addAndGet(elapsedNanos);
    }

    long millis(Phase phase) {
        return nanos.get(phase).get() / 1_000_000;
    }

    /** {@code fetch 1200, parse 300, ...} in milliseconds, the form the log line and the benchmark read. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        for (Phase phase : Phase.values()) {
            text.append(text.isEmpty() ? "" : ", ")
                    .append(phase.name().toLowerCase())
                    .append(' ')
                    .append(millis(phase));
        }
        return text.toString();
    }
}
