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
