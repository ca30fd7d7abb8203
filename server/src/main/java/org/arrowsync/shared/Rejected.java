package org.arrowsync.shared;

/**
 * A well-formed request the service cannot carry out (no active settings, Arrow refused, object closed); rendered as
 * {@code {"error": message}} with the status chosen by the subclass.
 */
public class Rejected extends RuntimeException {

    private final int status;

    public Rejected(String message) {
        this(400, message);
    }

    public Rejected(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
