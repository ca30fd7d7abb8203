package org.arrowsync.mappings;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reference's suggestion rule: candidates in list order, lower-cased names, a candidate wins only with a ratio
 * strictly above both the best so far and the threshold (0.5 for customers, 0.4 for licenses).
 */
record NameMatch<T>(T candidate, double confidence) {

    static final double CUSTOMER_THRESHOLD = 0.5;
    static final double LICENSE_THRESHOLD = 0.4;

    static <T> Optional<NameMatch<T>> best(
            String name, List<T> candidates, Function<T, String> nameOf, double threshold) {
        String target = lower(name);
        NameMatch<T> best = null;
        double bestRatio = threshold;
        for (T candidate : candidates) {
            double ratio = SequenceMatcher.ratio(target, lower(nameOf.apply(candidate)));
            if (ratio > bestRatio) {
                best = new NameMatch<>(candidate, ratio);
                bestRatio = ratio;
            }
        }
        return Optional.ofNullable(best);
    }

    private static String lower(String name) {
        return name == null ? "" : name.toLowerCase(Locale.ROOT);
    }
}
