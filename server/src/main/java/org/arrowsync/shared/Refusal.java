package org.arrowsync.shared;

/**
 * The service will not do what was asked, for a reason the subtype names; nothing was written. Each kind below maps to
 * one answer in the web layer (by type, in one place), and a job that meets one fails with its message and no stack
 * trace: it is an outcome, not a bug.
 */
public abstract class Refusal extends RuntimeException {

    protected Refusal(String message) {
        super(message);
    }
}
