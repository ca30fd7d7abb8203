package org.arrowsync.arrowclient;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.arrowsync.shared.Money;

/**
 * Arrow amounts as text: trimmed, without {@code € $ £}, spaces and thousands commas; empty means zero. Anything else
 * that is not a decimal is an error, never a silent zero: a comma that does not group thousands ({@code 5,37630}, a
 * decimal comma, or {@code 1.615,08}) is refused, not read as a thousands comma.
 */
final class Amounts {

    /** Currency signs and the spaces Arrow's amounts may carry within them. */
    private static final Pattern DECORATION = Pattern.compile("[€$£\\s\u00A0\u202F]");
    /**
     * Thousands commas: groups of three digits before the point, if any, the first group not starting with 0
     * ({@code 0,125} is a decimal comma). A decimal comma before exactly three decimals ({@code 5,376}) reads as
     * thousands all the same: no text tells the two apart, and Arrow writes its amounts with a point.
     */
    private static final Pattern GROUPED = Pattern.compile("[+-]?[1-9]\\d{0,2}(,\\d{3})+(\\.\\d*)?");

    private Amounts() {}

    /** The amount, or null when the text is not a decimal ({@code NaN}, {@code 1.2.3}, {@code abc}). */
    static BigDecimal parse(String text) {
        if (text == null) {
            return BigDecimal.ZERO;
        }
        String cleaned =
                plainDecimal(text) ? text : DECORATION.matcher(text.strip()).replaceAll("");
        if (cleaned.isEmpty()) {
            return BigDecimal.ZERO;
        }
        if (cleaned.indexOf(',') >= 0) {
            if (!GROUPED.matcher(cleaned).matches()) {
                return null;
            }
            cleaned = cleaned.replace(",", "");
        }
        try {
            return new BigDecimal(cleaned);
        } catch (NumberFormatException notADecimal) {
            return null;
        }
    }

    /**
     * Whether the text holds nothing to clean: the common case, a bare decimal, read without a pattern (an export's
     * every line has three amounts).
     */
    private static boolean plainDecimal(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < '0' || c > '9') && c != '.' && c != '-' && c != '+' && c != 'E' && c != 'e') {
                return false;
            }
        }
        return true;
    }

    /**
     * The amount, or a {@link PayloadProblem} naming the field when it is not a decimal or not one the ledger takes
     * from Arrow ({@link Money#fromArrow}): summed or compared, an exponent like {@code 1E+999999999} would take the
     * server's memory and time (D75).
     */
    static BigDecimal require(String field, String text) {
        BigDecimal amount = parse(text);
        String problem = problem(field, text, amount);
        if (problem != null) {
            throw new PayloadProblem("returned an " + problem);
        }
        return amount;
    }

    /**
     * Why {@code amount}, {@link #parse parsed} from {@code text} in {@code field}, is no amount the ledger takes from
     * Arrow: unreadable, or out of {@link Money#fromArrow}'s range (D75); null when it is one.
     */
    static String problem(String field, String text, BigDecimal amount) {
        if (amount == null) {
            return "unreadable amount in " + field + ": '" + Columns.shorten(text) + "'";
        }
        if (!Money.fromArrow(amount)) {
            return "amount out of range in " + field + ": '" + Columns.shorten(text) + "' (at most "
                    + Money.ARROW_INTEGER_DIGITS + " digits before the point and " + Money.MAX_DECIMALS + " after it)";
        }
        return null;
    }
}
