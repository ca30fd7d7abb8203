package org.arrowsync.shared;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Waldur renders UUIDs as 32 lowercase hex digits; URLs and inputs may use that form or the dashed one. */
public final class Uuids {

    private static final char[] HEX_DIGITS = "0123456789abcdef".toCharArray();
    private static final Pattern HEX = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern DASHED =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Uuids() {}

    /**
     * A new random UUID whose first 48 bits are the millisecond {@code at} (version 7 of RFC 9562, with its 74 random
     * bits from {@link UUID#randomUUID}). Rows written by the hundred thousand get these: their unique index then grows
     * at its end, where its pages are in memory, instead of at a random leaf per row.
     */
    public static UUID timeOrdered(Instant at) {
        UUID random = UUID.randomUUID();
        long millisAndVersion = at.toEpochMilli() << 16 | 0x7000L | random.getMostSignificantBits() & 0x0FFFL;
        return new UUID(millisAndVersion, random.getLeastSignificantBits());
    }

    /** 32 lowercase hex digits, written directly: list pages write several per item. */
    public static String hex(UUID uuid) {
        if (uuid == null) {
            return null;
        }
        char[] digits = new char[32];
        hexDigits(uuid.getMostSignificantBits(), digits, 0);
        hexDigits(uuid.getLeastSignificantBits(), digits, 16);
        return new String(digits);
    }

    private static void hexDigits(long value, char[] digits, int from) {
        for (int i = from + 15; i >= from; i--) {
            digits[i] = HEX_DIGITS[(int) (value & 0xF)];
            value >>>= 4;
        }
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

    /** A UUID from a URL path: a malformed one names nothing, so it is a 404; so does one with blanks around it. */
    public static UUID fromPath(String text) {
        return parse(text)
                .filter(uuid -> text.strip().length() == text.length())
                .orElseThrow(NotFound::new);
    }

    /**
     * An optional uuid field of a request body: absent (null) names none, and any text given, blank too, must be a
     * uuid. A query filter's blank is no filter, as Django's are ({@code Filters.uuid}); a body's {@code ""} narrowing
     * an action to every resource or customer would widen it (D148).
     */
    public static UUID optionalField(String field, String text) {
        return text == null ? null : fromField(field, text);
    }

    /** A UUID from a filter or a body field: a malformed one is the caller's mistake, a 400 naming the field. */
    public static UUID fromField(String field, String text) {
        return parse(text).orElseThrow(() -> InvalidInput.of(field, "Must be a valid UUID."));
    }

    /** DRF's refusal of a reference that is neither a UUID nor a hyperlink. */
    public static final String NOT_A_REFERENCE = "Invalid hyperlink or UUID.";

    /** Accepts a UUID or a hyperlink whose last path segment is one ({@code .../customers/<uuid>/}). */
    public static UUID fromReference(String field, String text) {
        if (text == null) {
            throw InvalidInput.of(field, "This field may not be null.");
        }
        return parseReference(text).orElseThrow(() -> InvalidInput.of(field, NOT_A_REFERENCE));
    }

    /** The UUID of a reference as {@link #fromReference} reads it, if it is one. */
    public static Optional<UUID> parseReference(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String value = text.trim();
        if (value.contains("/")) {
            String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            value = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        }
        return parse(value);
    }
}
