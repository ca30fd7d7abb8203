package org.arrowsync.consumption;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.arrowsync.shared.FieldErrors;

/** {@code YYYY-MM} request fields: two numbers, month 1–12, year 2000–2100, else a 400 naming the field. */
final class Periods {

    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{1,2})");

    private Periods() {
    }

    static YearMonth parse(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher matcher = FORMAT.matcher(value.trim());
        if (matcher.matches()) {
            int year = Integer.parseInt(matcher.group(1));
            int month = Integer.parseInt(matcher.group(2));
            if (year >= 2000 && year <= 2100 && month >= 1 && month <= 12) {
                return YearMonth.of(year, month);
            }
        }
        errors.add(field, "Invalid period format. Use YYYY-MM (e.g., 2024-01).");
        return null;
    }
}
