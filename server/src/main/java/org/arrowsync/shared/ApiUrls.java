package org.arrowsync.shared;

import java.util.UUID;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Absolute hyperlinks of the current request's host, honouring X-Forwarded-Proto/Host (Waldur's {@code url} fields).
 */
public final class ApiUrls {

    private static final String BASE = ApiUrls.class.getName() + ".base";

    private ApiUrls() {}

    /** {@code <scheme>://<host>/api/<collection>/<uuid hex>/}; null when the uuid is null. */
    public static String of(String collection, UUID uuid) {
        if (uuid == null) {
            return null;
        }
        return base() + "/api/" + collection + "/" + Uuids.hex(uuid) + "/";
    }

    /** Worked out once per request: a list page links thousands of objects. */
    public static String base() {
        RequestAttributes request = RequestContextHolder.currentRequestAttributes();
        if (request.getAttribute(BASE, RequestAttributes.SCOPE_REQUEST) instanceof String base) {
            return base;
        }
        String base =
                ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString();
        request.setAttribute(BASE, base, RequestAttributes.SCOPE_REQUEST);
        return base;
    }
}
