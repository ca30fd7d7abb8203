package org.arrowsync.shared;

/**
 * The object's current state forbids the request (a closed invoice, a frozen month, a customer that still has
 * projects); rendered as a 409 {@code {"error": message}}.
 */
public abstract class StateConflict extends Refusal {

    protected StateConflict(String message) {
        super(message);
    }
}
