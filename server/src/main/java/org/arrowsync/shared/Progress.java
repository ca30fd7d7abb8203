package org.arrowsync.shared;

/**
 * How long-running feature work reports what it has done; the job queue stores it so operators can watch a run. Counts
 * are named by the feature ({@code "lines"}, {@code "unmatched_lines"}, ...).
 */
public interface Progress {

    Progress NONE = new Progress() {
        @Override
        public void add(String count, long amount) {}

        @Override
        public void error(String message) {}
    };

    /** Adds to a named count. */
    void add(String count, long amount);

    /** Records one problem that did not stop the run (the first ones are kept). */
    void error(String message);

    default void increment(String count) {
        add(count, 1);
    }

    /**
     * Records {@code outcome} as the run's result in the caller's transaction, and returns it: a run whose transaction
     * books money settles its job in the same commit, so that a server lost after the commit leaves the job succeeded
     * with what it booked, not a job that runs again and finds nothing left to book (D265). Only a job's own progress
     * records it; the part of a run that other work did within it ({@link #prefixed}) settles nothing.
     */
    default <T> T settled(T outcome) {
        return outcome;
    }

    /** This progress, its counts named with {@code prefix} first: the part of a run that other work did within it. */
    default Progress prefixed(String prefix) {
        Progress whole = this;
        return new Progress() {
            @Override
            public void add(String count, long amount) {
                whole.add(prefix + count, amount);
            }

            @Override
            public void error(String message) {
                whole.error(message);
            }
        };
    }
}
