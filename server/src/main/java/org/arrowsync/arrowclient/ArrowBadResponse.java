package org.arrowsync.arrowclient;

/**
 * Arrow answered something the client cannot trust: invalid JSON, an error in an HTTP 200 body, or a page that
 * contradicts its pagination.
 */
public final class ArrowBadResponse extends ArrowException {

    ArrowBadResponse(String endpoint, int status, String message, Throwable cause) {
        super(endpoint, status, message, cause);
    }

    @Override
    public boolean upstreamFailure() {
        return true;
    }
}
