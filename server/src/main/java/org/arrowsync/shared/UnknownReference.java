package org.arrowsync.shared;

/**
 * An object the request names in its body or parameters does not exist (the subtype says which); rendered as the
 * reference's 404 {@code {"error": message}}.
 */
public abstract class UnknownReference extends Refusal {

    protected UnknownReference(String message) {
        super(message);
    }
}
