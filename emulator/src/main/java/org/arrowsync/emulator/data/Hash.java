package org.arrowsync.emulator.data;

/** Stateless mixing (SplitMix64 finaliser) so any row can be computed from its indices alone. */
final class Hash {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Hash() {}

    static long of(long seed, long a, long b, long c) {
        return mix(mix(mix(mix(seed + GOLDEN) ^ a) + GOLDEN ^ b) + GOLDEN ^ c);
    }

    static int below(long hash, int bound) {
        return (int) Math.floorMod(hash, (long) bound);
    }

    private static long mix(long value) {
        long z = value;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
