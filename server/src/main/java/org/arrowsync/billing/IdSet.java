package org.arrowsync.billing;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A set of row ids at one bit per id (ids are a sequence), so remembering every line of a large month costs kilobytes.
 */
final class IdSet {

    private final BitSet small = new BitSet();
    private final Set<Long> large = new HashSet<>();

    /** Adds the id; returns false if it was already there. */
    boolean add(long id) {
        if (id >= 0 && id <= Integer.MAX_VALUE) {
            boolean had = small.get((int) id);
            small.set((int) id);
            return !had;
        }
        return large.add(id);
    }

    long size() {
        return small.cardinality() + (long) large.size();
    }

    boolean contains(long id) {
        return id >= 0 && id <= Integer.MAX_VALUE ? small.get((int) id) : large.contains(id);
    }

    /** The ids of this set that {@code other} lacks, in ascending order of the small ones. */
    List<Long> without(IdSet other) {
        List<Long> left = new ArrayList<>();
        for (int id = small.nextSetBit(0); id >= 0; id = small.nextSetBit(id + 1)) {
            if (!other.small.get(id)) {
                left.add((long) id);
            }
        }
        large.stream().filter(id -> !other.large.contains(id)).sorted().forEach(left::add);
        return left;
    }
}
