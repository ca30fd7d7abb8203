package org.arrowsync.billing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The line references a run has met, kept as a Bloom filter: enough to know that a reference is new to the run without
 * asking the database. A reference met before is always found; one never met is found rarely (a few in a thousand), so
 * a hit only ever sends the caller to the database, which has the line or not. Each reference sets seven bits of one
 * block of 512 (a cache line), at 16 bits a reference: 2 to 4 MB at a million lines, where the references' exact hashes
 * took 16 MB. When a filter holds as many references as it was made for, one twice as large takes the next ones, so a
 * month of any size finds about as few references it never met.
 */
final class MetReferences {

    private static final int FIRST_CAPACITY = 1 << 14;
    private static final int BITS_PER_REFERENCE = 16;
    /** Words to a block (a cache line), and bits a reference sets in its block. */
    private static final int BLOCK = 8;

    private static final int PROBES = 7;

    private final List<long[]> filters = new ArrayList<>();
    /** The bits of the reference being added, word by word of its block: computed once for every filter. */
    private final long[] bits = new long[BLOCK];

    private int capacity;
    private int inLast;

    /** Adds the reference; returns whether it was met before (or, rarely, seems so). */
    boolean add(String reference) {
        long hash = hash(reference);
        int block = (int) (hash >>> 32);
        bitsOf(mix(hash ^ 0x9e3779b97f4a7c15L));
        for (long[] filter : filters) {
            if (holds(filter, block)) {
                return true;
            }
        }
        if (inLast == capacity) {
            capacity = capacity == 0 ? FIRST_CAPACITY : capacity * 2;
            filters.add(new long[capacity / (Long.SIZE / BITS_PER_REFERENCE)]);
            inLast = 0;
        }
        long[] last = filters.get(filters.size() - 1);
        int first = first(last, block);
        for (int word = 0; word < BLOCK; word++) {
            last[first + word] |= bits[word];
        }
        inLast++;
        return false;
    }

    /** Sets {@link #bits} to the reference's bits in a block, each chosen by nine bits of {@code choices}. */
    private void bitsOf(long choices) {
        Arrays.fill(bits, 0);
        long left = choices;
        for (int i = 0; i < PROBES; i++, left >>>= 9) {
            int bit = (int) left & 511;
            bits[bit >>> 6] |= 1L << bit;
        }
    }

    private boolean holds(long[] filter, int block) {
        int first = first(filter, block);
        for (int word = 0; word < BLOCK; word++) {
            if ((filter[first + word] & bits[word]) != bits[word]) {
                return false;
            }
        }
        return true;
    }

    /** The first word of the reference's block in the filter. */
    private static int first(long[] filter, int block) {
        return (block & (filter.length / BLOCK - 1)) * BLOCK;
    }

    /** FNV-1a over the characters, then MurmurHash3's finalizer, so that near references land far apart. */
    private static long hash(String reference) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < reference.length(); i++) {
            hash ^= reference.charAt(i);
            hash *= 0x100000001b3L;
        }
        return mix(hash);
    }

    private static long mix(long value) {
        long hash = value;
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }
}
