package org.arrowsync.arrowclient;

/**
 * The client will not call Arrow with this connection: its URL is not one it calls (malformed, or plain http where not
 * allowed) or its key cannot be sent. Nothing was sent; the message names neither the key nor the URL.
 */
public final class ArrowConnectionRefused extends ArrowException {

    ArrowConnectionRefused(String message) {
        super("", 0, message, null);
    }
}
