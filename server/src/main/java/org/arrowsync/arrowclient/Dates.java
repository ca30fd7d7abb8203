package org.arrowsync.arrowclient;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates as Arrow writes them: ISO dates and date-times, and an export's three output formats ({@code FormatDateEnum} of
 * Arrow's PHP client): {@code MM/DD/YYYY} (the form of the recorded export, which asked for it), {@code DD/MM/YYYY} and
 * {@code DD-MM-YYYY}, the one the client asks for (D126). Which of the first two an export uses is not said in the
 * export, so a slashed date is read month first unless its first number can be no month. An export's only date,
 * {@code Validation Date}, counts by being there (a validated line), so a day and month read the wrong way round cost
 * nothing; refusing it would have cost the line.
 */
final class Dates {

    /** {@code NN/NN/YYYY} or {@code NN-NN-YYYY}, one separator throughout. */
    private static final Pattern EXPORT_DATE = Pattern.compile("^(\\d{1,2})([/-])(\\d{1,2})\\2(\\d{4})$");

    private static final int MONTHS = 12;

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
        Matcher date = EXPORT_DATE.matcher(value);
        if (date.matches()) {
            int first = Integer.parseInt(date.group(1));
            int second = Integer.parseInt(date.group(3));
            int year = Integer.parseInt(date.group(4));
            boolean dayFirst = date.group(2).equals("-") || first > MONTHS;
            return dayFirst ? LocalDate.of(year, second, first) : LocalDate.of(year, first, second);
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
