package org.arrowsync.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where alerts of the chosen types go, signed with {@code secret}; {@link #toString()} leaves the secret out. */
record Webhook(
        long id,
        UUID uuid,
        String url,
        List<EventType> eventTypes,
        String secret,
        boolean active,
        String description,
        Instant created,
        Instant modified) {

    @Override
    public String toString() {
        return "Webhook[uuid=" + uuid + ", url=" + url + ", eventTypes=" + eventTypes + "]";
    }
}
