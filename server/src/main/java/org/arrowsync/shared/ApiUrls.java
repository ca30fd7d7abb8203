package org.arrowsync.shared;

import java.util.UUID;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute hyperlinks of the current request's host, honouring X-Forwarded-Proto/Host (Waldur's {@code url} fields).
 */
public final class ApiUrls {

    private ApiUrls() {}

    /** {@code <scheme>://<host>/api/<collection>/<uuid hex>/}; null when the uuid is null. */
    public static String of(String collection, UUID uuid) {
        if (uuid == null) {
            return null;
        }
        return base() + "/api/" + collection + "/" + Uuids.hex(uuid) + "/";
    }

    public static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
    }
}
