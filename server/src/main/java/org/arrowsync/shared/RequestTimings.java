package org.arrowsync.shared;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * How long the parts of the request a thread serves took: a list's count, its page and the rows read beside it (#16,
 * D234), so that an answer's {@code Server-Timing} says which part of a slow list is the cost. Outside a request (the
 * job queue's threads, the parts' own reading threads) nothing is kept.
 */
public final class RequestTimings {

    private static final ThreadLocal<Map<String, Long>> CURRENT = new ThreadLocal<>();

    private RequestTimings() {}

    /** Starts keeping this thread's timings, for the request it now serves. */
    public static void begin() {
        CURRENT.set(new LinkedHashMap<>());
    }

    /** Stops keeping them; the nanoseconds each part took, in the order first timed. */
    public static Map<String, Long> end() {
        Map<String, Long> timings = CURRENT.get();
        CURRENT.remove();
        return timings == null ? Map.of() : timings;
    }

    /**
     * Does the work, adding its time to the part's when the thread serves a request: a part timed twice sums both, and
     * a part timed inside another counts in both, so callers time parts that do not nest.
     */
    public static <T> T time(String part, Supplier<T> work) {
        Map<String, Long> timings = CURRENT.get();
        if (timings == null) {
            return work.get();
        }
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            timings.merge(part, System.nanoTime() - start, Long::sum);
        }
    }
}
