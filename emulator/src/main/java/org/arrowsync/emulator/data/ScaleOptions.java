package org.arrowsync.emulator.data;

/**
 * Shape of the generated data set. The demo preset uses small counts and realistic names; the scale preset uses these
 * counts literally so a single month can hold hundreds of thousands of lines.
 *
 * @param customers number of customers
 * @param licensesPerCustomer licenses (Arrow subscriptions) per customer
 * @param linesPerLicense export lines per license and month; 0 lets the demo preset vary it per license
 * @param consumptionHeaders {@code standard} ("Total sell price"/"Total buy price") or {@code country} ("Country
 *     customer total"/"Country reseller total") consumption header set
 * @param validationDays days into the next month during which a closed month's statements stay "Needs Validation"
 *     before they become "Fulfilled"
 * @param historyMonths months with data before the clock's month
 */
public record ScaleOptions(
        int customers,
        int licensesPerCustomer,
        int linesPerLicense,
        String consumptionHeaders,
        int validationDays,
        int historyMonths) {

    public static final String STANDARD_HEADERS = "standard";
    public static final String COUNTRY_HEADERS = "country";

    public ScaleOptions {
        if (customers < 1
                || licensesPerCustomer < 1
                || linesPerLicense < 0
                || validationDays < 0
                || historyMonths < 0) {
            throw new IllegalArgumentException(
                    "customers and licenses must be positive, lines, days and months not negative");
        }
        if (!STANDARD_HEADERS.equals(consumptionHeaders) && !COUNTRY_HEADERS.equals(consumptionHeaders)) {
            throw new IllegalArgumentException("consumptionHeaders must be standard or country: " + consumptionHeaders);
        }
    }

    /** Months with data before the clock's month unless a shape says otherwise. */
    public static final int HISTORY_MONTHS = 12;

    /** The demo shape: 5 customers with 6 licenses each and a varying number of lines. */
    public static ScaleOptions demo() {
        return new ScaleOptions(5, 6, 0, STANDARD_HEADERS, 5, HISTORY_MONTHS);
    }

    /** The scale shape: 2,000 customers x 10 licenses x 10 lines = 200,000 lines per month. */
    public static ScaleOptions large() {
        return new ScaleOptions(2000, 10, 10, STANDARD_HEADERS, 5, HISTORY_MONTHS);
    }

    public ScaleOptions withCustomers(int value) {
        return new ScaleOptions(
                value, licensesPerCustomer, linesPerLicense, consumptionHeaders, validationDays, historyMonths);
    }

    public ScaleOptions withLicensesPerCustomer(int value) {
        return new ScaleOptions(customers, value, linesPerLicense, consumptionHeaders, validationDays, historyMonths);
    }

    public ScaleOptions withLinesPerLicense(int value) {
        return new ScaleOptions(
                customers, licensesPerCustomer, value, consumptionHeaders, validationDays, historyMonths);
    }

    public ScaleOptions withConsumptionHeaders(String value) {
        return new ScaleOptions(customers, licensesPerCustomer, linesPerLicense, value, validationDays, historyMonths);
    }

    public ScaleOptions withValidationDays(int value) {
        return new ScaleOptions(
                customers, licensesPerCustomer, linesPerLicense, consumptionHeaders, value, historyMonths);
    }

    public ScaleOptions withHistoryMonths(int value) {
        return new ScaleOptions(
                customers, licensesPerCustomer, linesPerLicense, consumptionHeaders, validationDays, value);
    }
}
