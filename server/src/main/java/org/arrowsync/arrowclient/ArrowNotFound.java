package org.arrowsync.arrowclient;

/** Arrow does not know the requested object (HTTP 404). */
public final class ArrowNotFound extends ArrowException {

    ArrowNotFound(String endpoint, int status, String message, Throwable cause) {
        super(endpoint, status, message, cause);
    }
}
