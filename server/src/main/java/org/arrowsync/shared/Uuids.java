package org.arrowsync.shared;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Waldur renders UUIDs as 32 lowercase hex digits; URLs and inputs may use that form or the dashed one. */
public final class Uuids {

    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern DASHED =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {}

    public static String hex(UUID uuid) {
        return uuid == null ? null : uuid.toString().replace("-", "");
    }

    public static Optional<UUID> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        if (HEX.matcher(value).matches()) {
            value = value.substring(0, 8) + "-" + value.substring(8, 12) + "-" + value.substring(12, 16) + "-"
                    + value.substring(16, 20) + "-" + value.substring(20);
        } else if (!DASHED.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(UUID.fromString(value));
    }

    /** A UUID from a URL path: a malformed one names nothing, so it is a 404. */
    public static UUID fromPath(String text) {
        return parse(text).orElseThrow(NotFound::new);
    }

    /** A UUID from a filter or a body field: a malformed one is the caller's mistake, a 400 naming the field. */
    public static UUID fromField(String field, String text) {
        return parse(text).orElseThrow(() -> InvalidInput.of(field, "Must be a valid UUID."));
    }

    /** Accepts a UUID or a hyperlink whose last path segment is one ({@code .../customers/<uuid>/}). */
    public static UUID fromReference(String field, String text) {
        if (text == null) {
            throw InvalidInput.of(field, "This field may not be null.");
        }
        String value = text.trim();
        if (value.contains("/")) {
            String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            value = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }
        return parse(value).orElseThrow(() -> InvalidInput.of(field, "Invalid hyperlink or UUID."));
    }
}
