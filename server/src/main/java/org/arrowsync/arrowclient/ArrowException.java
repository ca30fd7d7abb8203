package org.arrowsync.arrowclient;

/**
 * Root of every failure of the Arrow client. The subtype names the cause; the message carries the endpoint, the HTTP
 * status and what went wrong, never the answer's text nor the API key.
 */
public class ArrowException extends RuntimeException {

    private final String endpoint;
    private final int status;

    ArrowException(String endpoint, int status, String message, Throwable cause) {
        super(message, cause);
        this.endpoint = endpoint;
        this.status = status;
    }

    /** The endpoint path relative to the API base URL, e.g. {@code billing/erp/exports/sync}. */
    public String endpoint() {
        return endpoint;
    }

    /** The HTTP status (or the error status found in the body); 0 when no response was received. */
    public int status() {
        return status;
    }

    /**
     * Whether Arrow failed (unreachable, too slow, busy, an answer not to be read), rather than refused the request
     * (the key, the call, a URL arrowsync does not call): a bad upstream, not a bad request (D34, D51).
     */
    public boolean upstreamFailure() {
        return false;
    }
}
