package org.arrowsync.reliability;

import java.util.ArrayList;
import java.util.List;

/** One line of the report: a scenario, how many trials it ran, which failed and why, what was compared. */
final class Outcome {

    final String scenario;
    final String compared;
    private int trials;
    private final List<String> failures = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> details = new ArrayList<>();

    Outcome(String scenario, String compared) {
        this.scenario = scenario;
        this.compared = compared;
    }

    /** One more trial, failed for the given reasons (none: passed). */
    void trial(List<String> reasons) {
        trials++;
        if (!reasons.isEmpty()) {
            failures.add("trial " + trials + ": " + String.join("; ", reasons.subList(0, Math.min(5, reasons.size())))
                    + (reasons.size() > 5 ? "; … " + (reasons.size() - 5) + " more" : ""));
        }
    }

    void trials(int count, List<String> failed) {
        trials += count;
        failures.addAll(failed);
    }

    void note(String note) {
        notes.add(note);
    }

    /** A line printed as it is below the notes, such as a row of a table of figures. */
    void detail(String line) {
        details.add(line);
    }

    List<String> details() {
        return details;
    }

    int trials() {
        return trials;
    }

    List<String> failures() {
        return failures;
    }

    List<String> notes() {
        return notes;
    }
}
