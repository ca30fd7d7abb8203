package org.arrowsync.arrowclient;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Arrow amounts as text: trimmed, without {@code € $ £}, spaces and thousands commas; empty means zero. Anything else
 * that is not a decimal is an error, never a silent zero.
 */
final class Amounts {

    /** Currency signs, thousands commas and the spaces Arrow's amounts may carry within them. */
    private static final Pattern DECORATION = Pattern.compile("[€$£,\\s\u00A0\u202F]");

    /** Digits before the point an amount may have: the ledger keeps amounts as {@code numeric(22, 10)}. */
    static final int INTEGER_DIGITS = 12;
    /** Decimals kept; more are rounded half-up on the way in, as PostgreSQL rounds them. */
    private static final int KEPT_DECIMALS = 10;
    /** Decimals an amount may be sent with at all: written out, {@code 1E-999999999} would take a gigabyte. */
    static final int MAX_DECIMALS = 30;

    private Amounts() {}

    /**
     * Whether a ledger can keep the amount: at most {@link #INTEGER_DIGITS} digits before the point once rounded to its
     * kept decimals, and at most {@link #MAX_DECIMALS} decimals as sent. An amount past either would fail the statement
     * that writes it (and with it a whole sync) or take unbounded memory to write out; it is a problem of its line
     * instead. Decided without computing with the amount, whatever its exponent.
     */
    static boolean inRange(BigDecimal amount) {
        if (amount.signum() == 0) {
            return amount.scale() <= MAX_DECIMALS;
        }
        if (amount.scale() > MAX_DECIMALS || amount.precision() - amount.scale() > INTEGER_DIGITS) {
            return false;
        }
        BigDecimal kept = amount.setScale(KEPT_DECIMALS, RoundingMode.HALF_UP);
        return kept.precision() - kept.scale() <= INTEGER_DIGITS;
    }

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

    /** The amount, or a {@link PayloadProblem} naming the field when it is not a decimal. */
    static BigDecimal require(String field, String text) {
        BigDecimal amount = parse(text);
        if (amount == null) {
            throw new PayloadProblem("returned an unreadable amount in " + field + ": '" + Columns.shorten(text) + "'");
        }
        return amount;
    }
}
