package org.arrowsync.shared;

/** Text that must fit a column or a display limit. */
public final class Texts {

    private Texts() {}

    /** {@code value} cut to {@code length} characters; null reads as empty. */
    public static String truncate(String value, int length) {
        if (value == null) {
            return "";
        }
        return value.length() <= length ? value : value.substring(0, length);
    }
}
