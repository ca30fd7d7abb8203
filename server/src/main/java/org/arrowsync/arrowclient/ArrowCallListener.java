package org.arrowsync.arrowclient;

/**
 * Told the outcome of every Arrow call (after its retries): how operators learn whether a connection works. A listener
 * must return quickly and never throw; calls wait for it.
 */
public interface ArrowCallListener {

    void succeeded(ArrowConnection connection, String endpoint);

    void failed(ArrowConnection connection, String endpoint, ArrowException failure);
}
