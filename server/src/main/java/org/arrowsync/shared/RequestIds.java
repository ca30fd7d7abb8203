package org.arrowsync.shared;

import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.MDC;

/**
 * The id of the request being served: taken from the client's {@code X-Request-Id} when it is a plain token, else made
 * here; it is on every log line written while the request is served (MDC) and on the answer.
 */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "request_id";

    /** What a client's id may look like: short and plain, so it can go into logs and headers as it is. */
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {}

    /** The client's id when it is plain, else a new one. */
    public static String accept(String given) {
        return given != null && PLAIN.matcher(given).matches() ? given : Uuids.hex(UUID.randomUUID());
    }

    /** The id of the request this thread serves; null outside requests. */
    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
