package org.arrowsync.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The money rules in one place. Amounts are stored as Arrow gives them (numeric, 10 decimals); an invoice item's price
 * is unit price × quantity rounded HALF_UP to the currency's minor unit (2 decimals for EUR, 0 for JPY), and an invoice
 * total is the sum of those rounded prices.
 */
public final class Money {

    public static final int STORED_SCALE = 10;
    /**
     * Digits before the point an amount from Arrow may have (D75, D79): the ledger keeps a line's amounts with 20
     * ({@code numeric(30, 10)}) and its totals with 28, room for a markup of up to 10,000 % and for the sum of any
     * month's lines.
     */
    public static final int ARROW_INTEGER_DIGITS = 12;
    /** Digits before the point an amount of a line may have in the ledger: {@code numeric(30, 10)} (D79). */
    public static final int LINE_INTEGER_DIGITS = 20;
    /** Decimals an amount may come with at all: written out, {@code 1E-999999999} would take a gigabyte. */
    public static final int MAX_DECIMALS = 30;

    public static final String DEFAULT_CURRENCY = "EUR";

    /**
     * The decimals of the minor unit of each currency Java knows, by its code: looked up once per code, as a page of
     * invoices rounds two prices an item.
     */
    private static final Map<String, Integer> MINOR_UNITS = Currency.getAvailableCurrencies().stream()
            .collect(Collectors.toUnmodifiableMap(
                    Currency::getCurrencyCode,
                    currency -> currency.getDefaultFractionDigits() < 0 ? 2 : currency.getDefaultFractionDigits()));

    /** {@link #roundedInSql}'s branches: {@code when 'JPY' then 0} for each currency not of two decimals. */
    private static final String NOT_TWO_DECIMALS = MINOR_UNITS.entrySet().stream()
            .filter(currency -> currency.getValue() != 2)
            .map(currency -> " when '" + currency.getKey() + "' then " + currency.getValue())
            .sorted()
            .collect(Collectors.joining());

    private Money() {}

    /** An amount at the stored scale, half-up: what a computed amount (a price rule's markup) is kept as. */
    public static BigDecimal stored(BigDecimal amount) {
        return amount.setScale(STORED_SCALE, RoundingMode.HALF_UP);
    }

    /**
     * Unit price × quantity, rounded to the currency's minor unit. The quantity loses its trailing zeros first: stored
     * at 10 decimals, a whole quantity would make the product a 20-decimal number past a {@code long}, which costs a
     * division of big integers to round; the rounded price is the same.
     */
    public static BigDecimal price(BigDecimal unitPrice, BigDecimal quantity, String currency) {
        return rounded(unitPrice.multiply(quantity.stripTrailingZeros()), currency);
    }

    /**
     * A currency code as arrowsync keeps it: upper case, without surrounding blanks ({@code " eur"} is {@code EUR}), so
     * that codes compare equal however Arrow wrote them; null when absent or blank.
     */
    public static String currency(String code) {
        return code == null || code.isBlank() ? null : code.strip().toUpperCase(Locale.ROOT);
    }

    /** Whether {@code code} is a currency's ISO 4217 code, as {@link #currency} keeps it. */
    public static boolean isCurrencyCode(String code) {
        return code != null && code.length() == 3 && MINOR_UNITS.containsKey(code);
    }

    /** Decimals of the currency's minor unit; 2 for a code Java does not know. */
    public static int minorUnits(String currency) {
        // a stored code is kept as currency(code) gives it, so most codes are found as they come
        Integer digits = currency == null ? null : MINOR_UNITS.get(currency);
        if (digits != null) {
            return digits;
        }
        String code = currency(currency);
        return code == null ? 2 : MINOR_UNITS.getOrDefault(code, 2);
    }

    /**
     * Two decimals, as the contract renders summary amounts: a DRF {@code DecimalField} of two places, in Python's
     * default context, which rounds half to even (D244). Invoice prices keep their half-up rule ({@link #price}). An
     * amount not known yet (null) stays null.
     */
    public static BigDecimal summary(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    /**
     * A summary amount of our own reports in its currency's minor unit (yen whole, dinars to three decimals), half to
     * even as {@link #summary(BigDecimal)} rounds; null stays null.
     */
    public static BigDecimal summary(BigDecimal amount, String currency) {
        return amount == null ? null : amount.setScale(minorUnits(currency), RoundingMode.HALF_EVEN);
    }

    /**
     * Whether the ledger takes an amount from Arrow: at most {@link #ARROW_INTEGER_DIGITS} digits before the point once
     * rounded to the {@link #STORED_SCALE stored scale} (as PostgreSQL rounds it), and at most {@link #MAX_DECIMALS}
     * decimals as it came. Decided from its precision and scale first, so no exponent makes it compute (D75).
     */
    public static boolean fromArrow(BigDecimal amount) {
        return within(amount, ARROW_INTEGER_DIGITS);
    }

    /**
     * Whether an amount worked out for a line (a unit price) fits the ledger's columns: {@link #LINE_INTEGER_DIGITS}.
     */
    public static boolean fitsLine(BigDecimal amount) {
        return within(amount, LINE_INTEGER_DIGITS);
    }

    private static boolean within(BigDecimal amount, int digits) {
        if (amount.signum() == 0) {
            return amount.scale() <= MAX_DECIMALS;
        }
        int integerDigits = amount.precision() - amount.scale();
        if (amount.scale() > MAX_DECIMALS || integerDigits > digits) {
            return false;
        }
        if (integerDigits < digits || amount.scale() <= STORED_SCALE) {
            // rounding adds a digit at most, or rounds nothing: every amount an export has ends here, computing nothing
            return true;
        }
        BigDecimal stored = stored(amount);
        return stored.precision() - stored.scale() <= digits;
    }

    /** An amount as an invoice bills it: rounded half up to the currency's minor unit. */
    public static BigDecimal rounded(BigDecimal amount, String currency) {
        return amount.setScale(minorUnits(currency), RoundingMode.HALF_UP);
    }

    /**
     * {@link #rounded} in SQL, for sums made where the rows are: the {@code amount} expression rounded to the minor
     * unit of the currency code in the {@code currency} expression (PostgreSQL rounds a numeric's half away from zero,
     * as HALF_UP does). The statement names the currencies whose minor unit is not two decimals, from the table
     * {@link #minorUnits} reads; codes are stored upper case (D168).
     */
    public static String roundedInSql(String amount, String currency) {
        return "round(" + amount + ", case " + currency + NOT_TWO_DECIMALS + " else 2 end)";
    }

    /**
     * What a line or license-month is billed on its invoices: its item's amount, rounded as the invoice bills it, and
     * the corrections booked since, which are whole minor units since D169 (one booked before may hold fractions).
     */
    public static BigDecimal billed(BigDecimal itemAmount, BigDecimal corrections, String currency) {
        return rounded(itemAmount, currency).add(corrections);
    }

    /**
     * What an item whose line has {@code corrections} booked must amount to for the two to bill {@code amount} rounded,
     * as a later correction would bring them (D169): the amount less the corrections, exact, unless at a half unit the
     * two have opposite signs, where the invoice would round the item away from zero the other way; it is then whole
     * units.
     */
    public static BigDecimal itemAmount(BigDecimal amount, BigDecimal corrections, String currency) {
        BigDecimal item = amount.subtract(corrections);
        BigDecimal billed = rounded(amount, currency);
        return billed(item, corrections, currency).compareTo(billed) == 0 ? item : billed.subtract(corrections);
    }

    /**
     * The correction that brings what was {@code billed} ({@link #billed}) to {@code target}, rounded to the currency's
     * minor unit as an invoice bills it: whole minor units (zero when they agree; a cent, a yen or a fils at least
     * otherwise, D156). A line is thus billed its final amount rounded whatever it was corrected from: 205.005 billed
     * 205.01, then 206.00, is corrected by 0.99, not by 0.995 billed 1.00 (D169). The item is rounded alone, as the
     * invoice rounds it, so a charge that crosses zero is not rounded away from zero a second time.
     */
    public static BigDecimal correction(BigDecimal target, BigDecimal billed, String currency) {
        BigDecimal difference = rounded(target, currency).subtract(billed);
        // D267: a line corrected before D169 may hold a fraction of a unit, which an invoice bills as nothing: a
        // difference under one unit is none, a larger one is booked in whole units
        return difference.abs().compareTo(BigDecimal.ONE.movePointLeft(minorUnits(currency))) < 0
                ? BigDecimal.ZERO
                : rounded(difference, currency);
    }
}
