package org.arrowsync.emulator.data;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Sequence format {@code <prefix>-<license number>-<yyyyMM>-<n>}: unique per line and month, and parseable back to the
 * line's coordinates so corrections work without materialising a month.
 */
final class Sequences {

    static final String ADDED_PREFIX = "ADJ24";
    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyyMM");

    /** Where a sequence points. */
    record Coordinates(String prefix, long licenseNumber, YearMonth month, int n) {}

    private Sequences() {}

    static String period(YearMonth month) {
        return month.format(PERIOD);
    }

    static Optional<Coordinates> parse(String sequence) {
        String[] parts = sequence.split("-");
        if (parts.length != 4) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Coordinates(
                    parts[0], Long.parseLong(parts[1]), YearMonth.parse(parts[2], PERIOD), Integer.parseInt(parts[3])));
        } catch (RuntimeException notASequence) {
            return Optional.empty();
        }
    }
}
