package org.arrowsync.arrowclient;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Dates as Arrow writes them: {@code MM/DD/YYYY} (export default), ISO dates and ISO date-times. */
final class Dates {

    private static final Pattern ISO_PREFIX = Pattern.compile("^\\d{4}-\\d{2}-\\d{2}([T ].*)?$");
    private static final Pattern US_DATE = Pattern.compile("^\\d{1,2}/\\d{1,2}/\\d{4}$");
    private static final Pattern YEAR_MONTH = Pattern.compile("^\\d{4}-\\d{2}(-\\d{2}.*)?$");
    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("M/d/uuuu");

    private Dates() {}

    /** The date, null for blank text; {@link DateTimeException} when the text is not a known date form. */
    static LocalDate localDate(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        if (ISO_PREFIX.matcher(value).matches()) {
            return LocalDate.parse(value.substring(0, 10));
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
        if (!YEAR_MONTH.matcher(value).matches()) {
            throw new DateTimeException("not a YYYY-MM period: " + value);
        }
        return YearMonth.parse(value.substring(0, 7));
    }
}
