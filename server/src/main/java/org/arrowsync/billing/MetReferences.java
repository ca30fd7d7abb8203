package org.arrowsync.billing;

/**
 * The line references a run has met, kept as 64-bit hashes in one open-addressing table (at most 16 bytes a reference,
 * 16 MB at a million lines): enough to know that a reference is new to the run without asking the database. A hash met
 * before may belong to another reference, so a hit only ever sends the caller to the database.
 */
final class MetReferences {

    private long[] table = new long[1 << 12];
    private int size;
    private boolean zeroMet;

    /** Adds the reference; returns whether its hash was met before (the same reference, or rarely another). */
    boolean add(String reference) {
        long hash = hash(reference);
        if (hash == 0) {
            boolean met = zeroMet;
            zeroMet = true;
            return met;
        }
        if ((size + 1) * 2 > table.length) {
            grow();
        }
        return !insert(hash);
    }

    private boolean insert(long hash) {
        int mask = table.length - 1;
        for (int i = (int) (hash ^ (hash >>> 32)) & mask; ; i = (i + 1) & mask) {
            if (table[i] == 0) {
                table[i] = hash;
                size++;
                return true;
            }
            if (table[i] == hash) {
                return false;
            }
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        size = 0;
        for (long hash : old) {
            if (hash != 0) {
                insert(hash);
            }
        }
    }

    /** FNV-1a over the characters, then MurmurHash3's finalizer, so that near references land far apart. */
    static long hash(String reference) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < reference.length(); i++) {
            hash ^= reference.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash;
    }
}
