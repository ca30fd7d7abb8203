package org.arrowsync.arrowclient;

/** Arrow kept answering 429 Too Many Requests after the retries. */
public final class ArrowRateLimited extends ArrowException {

    ArrowRateLimited(String endpoint, int status, String message, Throwable cause) {
        super(endpoint, status, message, cause);
    }

    @Override
    public boolean upstreamFailure() {
        return true;
    }
}
