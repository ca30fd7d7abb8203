package org.arrowsync.arrowclient;

/** Arrow refused the API key (HTTP 401/403, or an HTTP 200 whose body says 401/403). */
public final class ArrowUnauthorized extends ArrowException {

    ArrowUnauthorized(String endpoint, int status, String message, Throwable cause) {
        super(endpoint, status, message, cause);
    }

    /** Whether Arrow refused the key itself (401), not a right the key lacks for this call (403, D30). */
    public boolean keyRefused() {
        return status() == 401;
    }
}
