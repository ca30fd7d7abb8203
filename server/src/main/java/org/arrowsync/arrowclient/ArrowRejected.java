package org.arrowsync.arrowclient;

/** Arrow rejected the request (a 4xx other than 401, 403, 404 and 429); never retried. */
public final class ArrowRejected extends ArrowException {

    ArrowRejected(String endpoint, int status, String message, Throwable cause) {
        super(endpoint, status, message, cause);
    }
}
