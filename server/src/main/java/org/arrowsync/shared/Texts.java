package org.arrowsync.shared;

import java.util.List;

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

    /** The first {@code most} values joined by commas, and how many more there are: {@code "a, b and 3 more"}. */
    public static String some(List<String> values, int most) {
        if (values.size() <= most) {
            return String.join(", ", values);
        }
        return String.join(", ", values.subList(0, most)) + " and " + (values.size() - most) + " more";
    }

    /** Text a request sent, fit for one line of the log: control characters replaced, at most {@code length}. */
    public static String loggable(String value, int length) {
        return value == null ? "" : truncate(value.replaceAll("\\p{Cntrl}", "?"), length);
    }

    /** A form's or query's text stripped, or null where none or only blanks were given. */
    public static String strippedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** {@code text} ended by a full stop, unless it ends with one already (a name such as {@code "Contoso Co."}). */
    public static String sentence(String text) {
        return text.endsWith(".") ? text : text + ".";
    }
}
