package org.arrowsync.shared;

/** The object the request's path addresses does not exist; rendered as Waldur's {@code {"detail": "Not found."}}. */
public class NotFound extends Refusal {

    public NotFound() {
        super("Not found.");
    }

    public NotFound(String message) {
        super(message);
    }
}
