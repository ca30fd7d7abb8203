package org.arrowsync.emulator.data;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Late corrections Arrow makes to billing, kept as an overlay keyed by Sequence so they apply equally to generated
 * presets of any size. Consumption is deliberately not corrected: a correction is exactly the kind of difference a
 * client's finalisation has to detect.
 */
final class Corrections {

    /** New totals of a line; a null side keeps the generated amount. */
    record PriceChange(BigDecimal sell, BigDecimal buy) {}

    private final Map<String, PriceChange> prices = new ConcurrentHashMap<>();
    private final Set<String> removed = ConcurrentHashMap.newKeySet();
    private final Set<String> garbled = ConcurrentHashMap.newKeySet();
    /** Lines Arrow lists under another license of their customer since, by Sequence. */
    private final Map<String, License> moved = new ConcurrentHashMap<>();

    private final Map<YearMonth, List<Line>> added = new ConcurrentHashMap<>();
    private final AtomicInteger addedCounter = new AtomicInteger();

    Line apply(Line line) {
        License license = moved.get(line.sequence());
        Line listed = license == null ? line : line.withLicense(license);
        PriceChange change = prices.get(line.sequence());
        if (change == null) {
            return listed;
        }
        return listed.withTotals(
                change.sell() == null ? listed.sellTotal() : change.sell(),
                change.buy() == null ? listed.buyTotal() : change.buy());
    }

    void move(String sequence, License license) {
        moved.put(sequence, license);
    }

    void changePrice(String sequence, PriceChange change) {
        prices.merge(
                sequence,
                change,
                (old, next) -> new PriceChange(
                        next.sell() == null ? old.sell() : next.sell(), next.buy() == null ? old.buy() : next.buy()));
    }

    boolean isRemoved(String sequence) {
        return removed.contains(sequence);
    }

    Set<String> removedSequences() {
        return Set.copyOf(removed);
    }

    void remove(String sequence) {
        removed.add(sequence);
    }

    /** Lists a removed line again; returns false when it was not removed. */
    boolean restore(String sequence) {
        return removed.remove(sequence);
    }

    boolean isGarbled(String sequence) {
        return garbled.contains(sequence);
    }

    void garble(String sequence, boolean on) {
        if (on) {
            garbled.add(sequence);
        } else {
            garbled.remove(sequence);
        }
    }

    /** Removes an added line outright; returns false when the sequence is not an added line. */
    boolean removeAdded(String sequence) {
        return added.values().stream()
                .anyMatch(lines -> lines.removeIf(l -> l.sequence().equals(sequence)));
    }

    int nextAddedNumber() {
        return addedCounter.incrementAndGet();
    }

    void add(Line line) {
        added.computeIfAbsent(line.period(), month -> new CopyOnWriteArrayList<>())
                .add(line);
    }

    List<Line> added(YearMonth month) {
        return List.copyOf(added.getOrDefault(month, List.of()));
    }
}
