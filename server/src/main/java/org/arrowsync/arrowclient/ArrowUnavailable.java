package org.arrowsync.arrowclient;

/** Arrow could not be reached, timed out or kept answering 5xx after the retries. */
public final class ArrowUnavailable extends ArrowException {

    ArrowUnavailable(String endpoint, int status, String message, Throwable cause) {
        super(endpoint, status, message, cause);
    }

    @Override
    public boolean upstreamFailure() {
        return true;
    }
}
