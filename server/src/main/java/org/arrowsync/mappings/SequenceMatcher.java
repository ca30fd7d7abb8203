package org.arrowsync.mappings;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Python's {@code difflib.SequenceMatcher(None, a, b).ratio()}, so name-suggestion confidences equal the reference's:
 * Ratcliff–Obershelp matching blocks, with difflib's "autojunk" rule (in a second string of 200 or more characters,
 * elements occurring more than 1% + 1 times are never used to seed a match).
 */
final class SequenceMatcher {

    private static final int AUTOJUNK_MIN_LENGTH = 200;

    private final int[] a;
    private final int[] b;
    private final Map<Integer, List<Integer>> positionsInB = new HashMap<>();

    private SequenceMatcher(String first, String second) {
        this.a = first.codePoints().toArray();
        this.b = second.codePoints().toArray();
        for (int j = 0; j < b.length; j++) {
            positionsInB.computeIfAbsent(b[j], key -> new ArrayList<>()).add(j);
        }
        if (b.length >= AUTOJUNK_MIN_LENGTH) {
            int popular = b.length / 100 + 1;
            positionsInB.values().removeIf(positions -> positions.size() > popular);
        }
    }

    static double ratio(String first, String second) {
        int total = first.codePointCount(0, first.length()) + second.codePointCount(0, second.length());
        if (total == 0) {
            return 1.0;
        }
        return 2.0 * new SequenceMatcher(first, second).matchingCharacters() / total;
    }

    /** The sum of the sizes of difflib's matching blocks (their order and merging do not change the sum). */
    private int matchingCharacters() {
        int matched = 0;
        Deque<int[]> ranges = new ArrayDeque<>();
        ranges.push(new int[] {0, a.length, 0, b.length});
        while (!ranges.isEmpty()) {
            int[] range = ranges.pop();
            int[] match = longestMatch(range[0], range[1], range[2], range[3]);
            int i = match[0];
            int j = match[1];
            int size = match[2];
            if (size > 0) {
                matched += size;
                if (range[0] < i && range[2] < j) {
                    ranges.push(new int[] {range[0], i, range[2], j});
                }
                if (i + size < range[1] && j + size < range[3]) {
                    ranges.push(new int[] {i + size, range[1], j + size, range[3]});
                }
            }
        }
        return matched;
    }

    /** difflib's {@code find_longest_match}: the earliest longest block, then extended over equal neighbours. */
    private int[] longestMatch(int aLow, int aHigh, int bLow, int bHigh) {
        int bestI = aLow;
        int bestJ = bLow;
        int bestSize = 0;
        Map<Integer, Integer> lengths = new HashMap<>();
        for (int i = aLow; i < aHigh; i++) {
            Map<Integer, Integer> next = new HashMap<>();
            for (int j : positionsInB.getOrDefault(a[i], List.of())) {
                if (j < bLow) {
                    continue;
                }
                if (j >= bHigh) {
                    break;
                }
                int size = lengths.getOrDefault(j - 1, 0) + 1;
                next.put(j, size);
                if (size > bestSize) {
                    bestI = i - size + 1;
                    bestJ = j - size + 1;
                    bestSize = size;
                }
            }
            lengths = next;
        }
        while (bestI > aLow && bestJ > bLow && a[bestI - 1] == b[bestJ - 1]) {
            bestI--;
            bestJ--;
            bestSize++;
        }
        while (bestI + bestSize < aHigh && bestJ + bestSize < bHigh && a[bestI + bestSize] == b[bestJ + bestSize]) {
            bestSize++;
        }
        return new int[] {bestI, bestJ, bestSize};
    }
}
