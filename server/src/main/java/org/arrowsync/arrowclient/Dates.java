package org.arrowsync.arrowclient;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Dates as Arrow writes them: {@code MM/DD/YYYY} (export default), ISO dates and ISO date-times. */
final class Dates {

    private static final Pattern US_DATE = Pattern.compile("^\\d{1,2}/\\d{1,2}/\\d{4}$");
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/uuuu");

    private Dates() {}

    /** The date, null for blank text; {@link DateTimeException} when the text is not a known date form. */
    static LocalDate localDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (isoDate(value) && (value.length() == 10 || value.charAt(10) == 'T' || value.charAt(10) == ' ')) {
            return LocalDate.of(number(value, 0, 4), number(value, 5, 7), number(value, 8, 10));
        }
        if (US_DATE.matcher(value).matches()) {
            return LocalDate.parse(value, US);
        }
        throw new DateTimeException("not a date: " + value);
    }

    /** {@code YYYY-MM} (or an ISO date, of which the month is taken); null for blank text. */
    static YearMonth yearMonth(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (!(isYearMonth(value) && (value.length() == 7 || isoDate(value)))) {
            throw new DateTimeException("not a YYYY-MM period: " + value);
        }
        return YearMonth.of(number(value, 0, 4), number(value, 5, 7));
    }

    // Read by hand rather than by pattern and formatter: a sync reads a period for each of a million lines.

    /** Whether the text starts {@code YYYY-MM-DD}. */
    private static boolean isoDate(String text) {
        return isYearMonth(text) && text.length() >= 10 && text.charAt(7) == '-' && digits(text, 8, 10);
    }

    /** Whether the text starts {@code YYYY-MM}. */
    private static boolean isYearMonth(String text) {
        return text.length() >= 7 && digits(text, 0, 4) && text.charAt(4) == '-' && digits(text, 5, 7);
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        return Integer.parseInt(text, from, to, 10);
    }
}
