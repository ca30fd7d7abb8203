package org.arrowsync.shared;

/**
 * A well-formed request the service cannot carry out as it stands (no active settings, no export template, a license
 * imported already); rendered as a 400 {@code {"error": message}}.
 */
public abstract class Rejected extends Refusal {

    protected Rejected(String message) {
        super(message);
    }
}
