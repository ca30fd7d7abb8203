package org.arrowsync.arrowclient;

/** Thrown by a response reader when the payload has not the expected shape; becomes {@link ArrowBadResponse}. */
final class PayloadProblem extends RuntimeException {

    PayloadProblem(String message) {
        super(message, null, false, false);
    }
}
