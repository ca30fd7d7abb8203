package org.arrowsync.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Report months in requests, one set of rules for every endpoint: {@code YYYY-MM} (the month may have one digit), year
 * 2000–2100, month 1–12; a month not yet begun is refused; a range runs forward and is capped.
 */
public final class Periods {

    public static final String FORMAT_ERROR = "Invalid period format. Use YYYY-MM (e.g., 2024-01).";
    public static final String YEAR_ERROR = "Invalid period: the year must be 2000 to 2100.";
    public static final String BACKWARDS = "period_from must not be after period_to.";
    private static final Pattern FORMAT = Pattern.compile("(\\d{4})-(\\d{1,2})");

    private Periods() {}

    /** The month in {@code value}, null when blank; a malformed one is added to {@code errors} under {@code field}. */
    public static YearMonth parse(FieldErrors errors, String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        Matcher matcher = FORMAT.matcher(value.trim());
        if (matcher.matches()) {
            int year = Integer.parseInt(matcher.group(1));
            int month = Integer.parseInt(matcher.group(2));
            if (month >= 1 && month <= 12) {
                if (year >= 2000 && year <= 2100) {
                    return YearMonth.of(year, month);
                }
                errors.add(field, YEAR_ERROR);
                return null;
            }
        }
        errors.add(field, FORMAT_ERROR);
        return null;
    }

    /**
     * An optional month of a request body: absent (null) is none, and any text given, blank too, must be a month. A
     * query filter's blank is no filter ({@link #parse}); a body's {@code ""} is not an absent field (D148).
     */
    public static YearMonth optionalField(FieldErrors errors, String field, String value) {
        return errors.notBlank(field, value) ? parse(errors, field, value) : null;
    }

    /** The instant the month ends: the first of the next month, at midnight UTC. */
    public static Instant end(YearMonth period) {
        return period.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    /** Whether the month is the one under way: its amounts are not final until it has ended (D171). */
    public static boolean underWay(YearMonth period, Clock clock) {
        return period.equals(YearMonth.now(clock));
    }

    /**
     * Refuses the month under way under {@code month} (D171, D178): reconciled or finalised by force, its lines or
     * license-months would be frozen at amounts Arrow still changes.
     */
    public static void requireEnded(YearMonth period, Clock clock) {
        if (underWay(period, clock)) {
            throw InvalidInput.of(
                    "month",
                    period + " is under way: its amounts are final once it has ended and Arrow has validated them;"
                            + " reconcile it then (D171).");
        }
    }

    /**
     * Year 2000–2100 and month 1–12, both required, and not after the current month (the error goes under
     * {@code month}).
     */
    public static YearMonth requireMonth(Integer year, Integer month, Clock clock) {
        FieldErrors errors = new FieldErrors();
        YearMonth period = month(errors, year, month, clock);
        errors.throwIfAny();
        return period;
    }

    /** As {@link #requireMonth}, collecting into {@code errors}; null when invalid. */
    public static YearMonth month(FieldErrors errors, Integer year, Integer month, Clock clock) {
        errors.requiredValue("year", year);
        errors.requiredValue("month", month);
        errors.range("year", year, 2000, 2100);
        errors.range("month", month, 1, 12);
        if (errors.has("year") || errors.has("month")) {
            return null;
        }
        YearMonth period = YearMonth.of(year, month);
        if (period.isAfter(YearMonth.now(clock))) {
            errors.add("month", "The period " + period + " has not started yet.");
            return null;
        }
        return period;
    }

    /**
     * {@code from} ≤ {@code to}, at most {@code maxMonths} months inclusive; a violation goes under
     * {@code non_field_errors}.
     */
    public static void requireRange(FieldErrors errors, YearMonth from, YearMonth to, int maxMonths) {
        if (requireOrder(errors, from, to) && from.plusMonths(maxMonths - 1L).isBefore(to)) {
            errors.add(InvalidInput.NON_FIELD_ERRORS, "The period range is limited to " + maxMonths + " months.");
        }
    }

    /**
     * {@code from} ≤ {@code to}, else the violation goes under {@code non_field_errors}; whether both are given and in
     * order.
     */
    public static boolean requireOrder(FieldErrors errors, YearMonth from, YearMonth to) {
        if (from == null || to == null) {
            return false;
        }
        if (from.isAfter(to)) {
            errors.add(InvalidInput.NON_FIELD_ERRORS, BACKWARDS);
            return false;
        }
        return true;
    }
}
