package org.arrowsync.arrowclient;

/** Paging went past the configured page cap; the client stops instead of looping forever. */
public final class ArrowPagingRunaway extends ArrowException {

    ArrowPagingRunaway(String endpoint, int status, String message, Throwable cause) {
        super(endpoint, status, message, cause);
    }

    @Override
    public boolean upstreamFailure() {
        return true;
    }
}
