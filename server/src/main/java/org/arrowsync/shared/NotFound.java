package org.arrowsync.shared;

/** The addressed object does not exist; rendered as Waldur's 404 {@code {"detail": "Not found."}}. */
public class NotFound extends RuntimeException {

    public NotFound() {
        super("Not found.");
    }

    public NotFound(String message) {
        super(message);
    }
}
