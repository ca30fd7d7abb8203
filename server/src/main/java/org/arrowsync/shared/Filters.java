package org.arrowsync.shared;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;

/** Parses list filter values; a malformed value is a 400 naming the filter, an absent one is null. */
public final class Filters {

    private Filters() {}

    public static UUID uuid(String name, String value) {
        return blank(value) ? null : Uuids.fromField(name, value);
    }

    /** A hyperlink filter such as {@code customer=<url>}: the uuid at its end. */
    public static UUID link(String name, String value) {
        return blank(value) ? null : Uuids.fromReference(name, value);
    }

    /** The uuid no object has (the nil uuid): a filter on it selects nothing. */
    public static final UUID NONE = new UUID(0L, 0L);

    /**
     * One object named by its uuid ({@code <x>_uuid}), its hyperlink ({@code <x>}) or both, each checked: both must
     * name it, as Waldur applies both filters, so two that name different objects select nothing ({@link #NONE}).
     */
    public static UUID uuidAndLink(String uuidName, String uuidValue, String linkName, String linkValue) {
        UUID byUuid = uuid(uuidName, uuidValue);
        UUID byLink = link(linkName, linkValue);
        if (byUuid != null && byLink != null && !byUuid.equals(byLink)) {
            return NONE;
        }
        return byUuid != null ? byUuid : byLink;
    }

    public static Integer integer(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw InvalidInput.of(name, "Enter a whole number.");
        }
    }

    /** One of a choice filter's values, as given (they are exact); another is a 400, as Django's choice filters say. */
    public static String choice(String name, String value, Collection<String> choices) {
        if (blank(value)) {
            return null;
        }
        if (!choices.contains(value)) {
            throw notAChoice(name, value);
        }
        return value;
    }

    /**
     * A multiple-choice filter's values (the parameter repeated), each one of the choices; blanks are left out, and
     * none given is no filter (null).
     */
    public static List<String> choices(String name, List<String> values, Collection<String> choices) {
        if (values == null) {
            return null;
        }
        List<String> chosen = values.stream()
                .map(value -> choice(name, value, choices))
                .filter(Objects::nonNull)
                .toList();
        return chosen.isEmpty() ? null : chosen;
    }

    /** Django's refusal of a value that none of a field's choices is. */
    public static InvalidInput notAChoice(String name, String value) {
        return InvalidInput.of(
                name, "Select a valid choice. " + Texts.truncate(value, 40) + " is not one of the available choices.");
    }

    /** {@link #choice(String, String, Collection)} over an enum's values, as {@code text} spells them. */
    public static <E> String choice(String name, String value, E[] choices, Function<E, String> text) {
        return choice(name, value, Arrays.stream(choices).map(text).toList());
    }

    public static Boolean bool(String name, String value) {
        if (blank(value)) {
            return null;
        }
        Boolean word = booleanWord(value);
        if (word == null) {
            throw InvalidInput.of(name, "Must be a valid boolean.");
        }
        return word;
    }

    /**
     * A boolean as a request may spell it in a query or a body: true, 1, yes, on and their opposites, in any case; null
     * for any other text.
     */
    public static Boolean booleanWord(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> null;
        };
    }

    public static YearMonth period(String name, String value) {
        FieldErrors errors = new FieldErrors();
        YearMonth period = Periods.parse(errors, name, value);
        errors.throwIfAny();
        return period;
    }

    /** As {@link #period}, where a month must be given. */
    public static YearMonth requiredPeriod(String name, String value) {
        YearMonth period = period(name, value);
        if (period == null) {
            throw InvalidInput.of(name, "Choose a month.");
        }
        return period;
    }

    /**
     * An ISO-8601 date ({@code 2026-11-01}), null when blank. Years 1–9999 only, as DRF's date filter reads them: Java
     * parses years PostgreSQL cannot store ({@code +999999999-01-01}).
     */
    public static LocalDate date(String name, String value) {
        if (blank(value)) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.getYear() >= 1 && date.getYear() <= 9999) {
                return date;
            }
        } catch (DateTimeParseException e) {
            // refused below
        }
        throw InvalidInput.of(name, "Enter a valid date.");
    }

    /** An ISO-8601 instant ({@code 2026-11-30T10:00:00Z}) or a date, which stands for its start (UTC). */
    public static Instant instant(String name, String value) {
        if (blank(value)) {
            return null;
        }
        String text = value.trim();
        try {
            Instant instant = text.length() == 10
                    ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : OffsetDateTime.parse(text).toInstant();
            // the years of date(): PostgreSQL's timestamps end in 294276
            int year = instant.atOffset(ZoneOffset.UTC).getYear();
            if (year >= 1 && year <= 9999) {
                return instant;
            }
        } catch (DateTimeException e) {
            // unreadable, or past the instants Java holds once in UTC: refused below
        }
        throw InvalidInput.of(name, "Enter a valid date or date/time (ISO 8601, e.g. 2026-11-30T10:00:00Z).");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
