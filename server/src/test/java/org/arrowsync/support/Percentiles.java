package org.arrowsync.support;

/**
 * The nearest-rank percentile the benchmarks and the load report print: of a sorted sample, the smallest value that the
 * given share of the sample lies at or below (of an even number, the median is the lower of the two in the middle).
 */
public final class Percentiles {

    private Percentiles() {}

    /** Where the value at {@code share} (0.5 for the median, 0.95 for p95) is in a sorted sample of {@code size}. */
    public static int index(int size, double share) {
        return Math.max(0, Math.min(size - 1, (int) Math.ceil(share * size) - 1));
    }
}
