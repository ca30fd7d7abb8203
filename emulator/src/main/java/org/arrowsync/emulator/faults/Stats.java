package org.arrowsync.emulator.faults;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Request counters per endpoint family: total requests and one counter per HTTP status. */
public final class Stats {

    private final Map<Family, Map<String, AtomicLong>> counters = new ConcurrentHashMap<>();

    public void record(Family family, int status) {
        Map<String, AtomicLong> perFamily = counters.computeIfAbsent(family, f -> new ConcurrentHashMap<>());
        perFamily.computeIfAbsent("requests", k -> new AtomicLong()).incrementAndGet();
        perFamily
                .computeIfAbsent(Integer.toString(status), k -> new AtomicLong())
                .incrementAndGet();
    }

    public void reset() {
        counters.clear();
    }

    /** A JSON-ready copy: {@code {"exports":{"requests":12,"200":10,"429":2}}}. */
    public Map<String, Map<String, Long>> snapshot() {
        Map<String, Map<String, Long>> copy = new TreeMap<>();
        counters.forEach((family, perFamily) -> {
            Map<String, Long> values = new TreeMap<>();
            perFamily.forEach((key, value) -> values.put(key, value.get()));
            copy.put(family.key(), values);
        });
        return copy;
    }
}
