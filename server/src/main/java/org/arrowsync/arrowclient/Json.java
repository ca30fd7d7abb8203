package org.arrowsync.arrowclient;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** Tolerant reads of Arrow JSON: several key spellings, numbers sent as strings, nulls and absent keys alike. */
final class Json {

    /** How far from the point a number's digits may reach to be given in plain notation. */
    private static final int PLAIN_DIGITS = 1000;

    private Json() {}

    /** The first of {@code names} present with a non-null value, or a missing node. */
    static JsonNode first(JsonNode node, String... names) {
        if (node != null && node.isObject()) {
            for (String name : names) {
                JsonNode value = node.get(name);
                if (value != null && !value.isNull() && !value.isMissingNode()) {
                    return value;
                }
            }
        }
        return MissingNode.getInstance();
    }

    /** The first non-blank text among {@code names}, or null. Numbers are given in plain notation. */
    static String text(JsonNode node, String... names) {
        for (String name : names) {
            String value = text(first(node, name));
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** A scalar as text (numbers in plain notation); null for null/absent; containers as JSON. */
    static String text(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isNumber()) {
            return number(value.decimalValue());
        }
        return withoutNul(value.isValueNode() ? value.asString() : value.toString());
    }

    /** The value the parser stands on as {@link #text(JsonNode)} gives it, without a tree but for a container. */
    static String text(JsonParser parser) {
        return switch (parser.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_STRING, VALUE_TRUE, VALUE_FALSE -> withoutNul(parser.getString());
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> number(parser.getDecimalValue());
            default -> text((JsonNode) parser.readValueAsTree());
        };
    }

    /**
     * Arrow's text with each NUL written as U+FFFD: PostgreSQL's text holds none, so one NUL in a company name or a
     * cell would fail every write of it (the customers a force import creates among them), as in a detail (D85).
     */
    private static String withoutNul(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    private static String number(BigDecimal number) {
        // written out, 1e999999999 is a gigabyte of zeros: a number that far from the point keeps its exponent
        return Math.abs((long) number.scale()) > PLAIN_DIGITS ? number.toString() : number.toPlainString();
    }

    /** An integer sent as a number or a numeric string; null when absent or not an integer. */
    static Integer integer(JsonNode node, String... names) {
        Long value = longInteger(node, names);
        return value == null || value != value.intValue() ? null : value.intValue();
    }

    /** A long sent as a number or a numeric string; null when absent or not an integer. */
    static Long longInteger(JsonNode node, String... names) {
        String value = text(node, names);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.strip()).longValueExact();
        } catch (NumberFormatException | ArithmeticException notAnInteger) {
            return null;
        }
    }

    /** The elements of an array node; empty for anything else. */
    static List<JsonNode> elements(JsonNode array) {
        if (array == null || !array.isArray()) {
            return new ArrayList<>();
        }
        List<JsonNode> out = new ArrayList<>(array.size());
        array.values().forEach(out::add);
        return out;
    }

    /** The values of an array as text (null cells kept as null). */
    static List<String> texts(JsonNode array) {
        if (array == null || !array.isArray()) {
            return new ArrayList<>();
        }
        List<String> out = new ArrayList<>(array.size());
        array.values().forEach(element -> out.add(text(element)));
        return out;
    }

    /** A decimal among {@code names} (0 when absent); a {@link PayloadProblem} when not a decimal. */
    static BigDecimal amount(JsonNode node, String... names) {
        return Amounts.require(String.join("|", names), text(node, names));
    }

    /** A date among {@code names} (null when absent); a {@link PayloadProblem} when not a date. */
    static LocalDate date(JsonNode node, String... names) {
        return parsed(node, names, "date", Dates::localDate);
    }

    /** A {@code YYYY-MM} period among {@code names} (null when absent); a {@link PayloadProblem} when unreadable. */
    static YearMonth period(JsonNode node, String... names) {
        return parsed(node, names, "period", Dates::yearMonth);
    }

    private static <T> T parsed(JsonNode node, String[] names, String what, Function<String, T> parser) {
        String value = text(node, names);
        try {
            return parser.apply(value);
        } catch (DateTimeException e) {
            throw new PayloadProblem(
                    "returned an unreadable " + what + " in " + names[0] + ": '" + Columns.shorten(value) + "'");
        }
    }

    /** A required text; a {@link PayloadProblem} naming {@code what} when absent. */
    static String required(String what, JsonNode node, String... names) {
        String value = text(node, names);
        if (value == null) {
            throw new PayloadProblem("returned " + what + " without " + names[0]);
        }
        return value;
    }
}
