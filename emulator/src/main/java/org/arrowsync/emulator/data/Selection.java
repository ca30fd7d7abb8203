package org.arrowsync.emulator.data;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The lines matching a filter, addressable by position without materialising them: one segment per (month, license)
 * with its generated line count, minus removed lines, followed by added lines. Memory is proportional to the number of
 * licenses in scope, never to the number of lines.
 */
public final class Selection {

    private final Universe universe;
    private final LineFactory factory;
    private final Corrections corrections;
    private final int size;
    private final int[] licenses;
    private final YearMonth[] months;
    private final long[] starts;
    private final long generated;
    private final long[] removed;
    private final List<Line> added;

    Selection(
            Universe universe,
            LineFactory factory,
            Corrections corrections,
            LineFilter filter,
            List<YearMonth> inScope,
            List<Integer> customerIndexes) {
        this.universe = universe;
        this.factory = factory;
        this.corrections = corrections;
        int perCustomer = universe.shape().licensesPerCustomer();
        int capacity = inScope.size() * customerIndexes.size() * perCustomer;
        licenses = new int[capacity];
        months = new YearMonth[capacity];
        starts = new long[capacity];
        int count = 0;
        long position = 0;
        List<Line> extra = new ArrayList<>();
        for (YearMonth month : inScope) {
            for (int customer : customerIndexes) {
                int first = universe.firstLicenseOf(customer);
                for (int license = first; license < first + perCustomer; license++) {
                    if (filter.acceptsLicense(universe, license)) {
                        licenses[count] = license;
                        months[count] = month;
                        starts[count] = position;
                        position += universe.lineCount(license);
                        count++;
                    }
                }
            }
            corrections.added(month).stream()
                    .filter(l -> customerIndexes.contains(l.license().customerIndex())
                            && filter.acceptsLicense(universe, l.license().index()))
                    .map(corrections::apply)
                    .forEach(extra::add);
        }
        size = count;
        generated = position;
        added = extra;
        removed = corrections.removedSequences().stream()
                .mapToLong(this::rawPosition)
                .filter(p -> p >= 0)
                .sorted()
                .toArray();
    }

    public long size() {
        return generated - removed.length + added.size();
    }

    /** Page {@code page} (1-based) of {@code perPage} lines. */
    public List<Line> page(int page, int perPage) {
        long from = (long) (page - 1) * perPage;
        long to = Math.min(size(), from + perPage);
        List<Line> rows = new ArrayList<>();
        for (long v = from; v < to; v++) {
            rows.add(get(v));
        }
        return rows;
    }

    public void forEach(Consumer<Line> action) {
        for (long v = 0; v < size(); v++) {
            action.accept(get(v));
        }
    }

    public Line get(long visible) {
        long generatedVisible = generated - removed.length;
        if (visible >= generatedVisible) {
            return added.get((int) (visible - generatedVisible));
        }
        long raw = visible;
        for (long hole : removed) {
            if (hole <= raw) {
                raw++;
            } else {
                break;
            }
        }
        int segment = segmentOf(raw);
        License license = universe.license(licenses[segment]);
        return corrections.apply(factory.line(license, months[segment], (int) (raw - starts[segment])));
    }

    private int segmentOf(long raw) {
        int found = Arrays.binarySearch(starts, 0, size, raw);
        if (found >= 0) {
            // Several segments cannot share a start unless empty; lines per license are at least 1.
            return found;
        }
        return -found - 2;
    }

    /** Position of a removed generated line inside this selection, or -1 when it lies outside. */
    private long rawPosition(String sequence) {
        Optional<Sequences.Coordinates> at = Sequences.parse(sequence);
        if (at.isEmpty()) {
            return -1;
        }
        Sequences.Coordinates c = at.get();
        for (int s = 0; s < size; s++) {
            if (months[s].equals(c.month()) && licenses[s] == universe.indexOfNumber(c.licenseNumber())) {
                return c.n() < universe.lineCount(licenses[s]) ? starts[s] + c.n() : -1;
            }
        }
        return -1;
    }
}
