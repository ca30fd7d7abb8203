package org.arrowsync.jobs;

/** Where a job is: queued, running, then succeeded or failed for good (a failed run is not retried). */
public enum JobState {
    QUEUED("queued"),
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String value;

    JobState(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    boolean isDone() {
        return this == SUCCEEDED || this == FAILED;
    }

    static JobState of(String value) {
        for (JobState state : values()) {
            if (state.value.equals(value)) {
                return state;
            }
        }
        throw new IllegalArgumentException("Unknown job state " + value);
    }
}
