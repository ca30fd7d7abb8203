package org.arrowsync.arrowclient;

import java.math.BigDecimal;

/**
 * Arrow amounts as text: trimmed, without {@code € $ £}, spaces and thousands commas; empty means zero. Anything else
 * that is not a decimal is an error, never a silent zero.
 */
final class Amounts {

    private Amounts() {}

    /** The amount, or null when the text is not a decimal ({@code NaN}, {@code 1.2.3}, {@code abc}). */
    static BigDecimal parse(String text) {
        if (text == null) {
            return BigDecimal.ZERO;
        }
        String cleaned = text.strip()
                .replace("€", "")
                .replace("$", "")
                .replace("£", "")
                .replace(",", "")
                .replaceAll("[\\s\\u00A0\\u202F]", "");
        if (cleaned.isEmpty()) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(cleaned);
        } catch (NumberFormatException notADecimal) {
            return null;
        }
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
