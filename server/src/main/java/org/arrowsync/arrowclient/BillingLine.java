package org.arrowsync.arrowclient;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.arrowsync.shared.Money;

/**
 * One billing-export line, typed. The column fallbacks of every export template live in {@link #parse} and the
 * constants it reads.
 *
 * @param lineReference {@code Sequence}, else {@code Order Id} with {@code " #2"}, {@code " #3"}… for an order's later
 *     lines (D190); unique per line and month; null when the template has neither
 * @param statementReference {@code Statement Reference}; null when the template has no such column
 * @param companyName {@code End User Company Name}
 * @param customerReference {@code End User Company ID} as sent: the customer's {@code Ref} in the recorded real export,
 *     an XSP reference in other templates ({@link #isXspReference} tells them apart); null when absent
 * @param sellTotal {@code Sell Total Price}, else {@code Customer Total Price}; a row without either is unreadable
 * @param buyTotal {@code Buy Total Price}, else {@code Total Wholesale Price}; a row without either is unreadable
 * @param quantity {@code Quantity}, else {@code Qty}, else 1
 * @param vendor {@code Vendor Name}, else {@code Service Name}
 * @param product {@code Product Name}, else {@code Offer Name}, else {@code Friendly Name} (an AWS account id in the
 *     recorded export), else {@code Description}
 * @param licenseReference {@code ARS Subscription ID} (the XSP license reference)
 * @param vendorSubscriptionId {@code Vendor Subscription ID}
 * @param classification {@code Classification}, e.g. IAAS
 * @param arrowSku {@code Arrow SKU}
 * @param reportPeriod {@code Report Period}; null when absent
 * @param validationDate {@code Validation Date} (ISO, or any of an export's date formats: see {@code Dates}); null when
 *     not validated
 * @param currency {@code Country Marketplace Currency}, else {@code Service Provider Currency}, upper case; null
 */
public record BillingLine(
        String lineReference,
        String statementReference,
        String companyName,
        String customerReference,
        BigDecimal sellTotal,
        BigDecimal buyTotal,
        BigDecimal quantity,
        String vendor,
        String product,
        String licenseReference,
        String vendorSubscriptionId,
        String classification,
        String arrowSku,
        YearMonth reportPeriod,
        LocalDate validationDate,
        String currency) {

    public BillingLine {
        currency = Money.currency(currency);
    }

    // The columns read with fallbacks, first found wins (constants: each row of a million-line month reads them all).
    static final String[] REFERENCE = {"Sequence", "Order Id"};
    private static final String[] SELL = {"Sell Total Price", "Customer Total Price"};
    private static final String[] BUY = {"Buy Total Price", "Total Wholesale Price"};
    private static final String[] QUANTITY = {"Quantity", "Qty"};
    private static final String[] VENDOR = {"Vendor Name", "Service Name"};
    private static final String[] PRODUCT = {"Product Name", "Offer Name", "Friendly Name", "Description"};
    private static final String[] CURRENCY = {"Country Marketplace Currency", "Service Provider Currency"};
    private static final String STATEMENT = "Statement Reference";
    private static final String COMPANY = "End User Company Name";
    private static final String CUSTOMER = "End User Company ID";
    private static final String LICENSE = "ARS Subscription ID";
    private static final String VENDOR_SUBSCRIPTION = "Vendor Subscription ID";
    private static final String CLASSIFICATION = "Classification";
    private static final String SKU = "Arrow SKU";
    private static final String PERIOD = "Report Period";
    private static final String VALIDATED = "Validation Date";

    /**
     * Every column {@link #parse} reads, in any template: a feature that needs only the typed lines reads no other cell
     * of the export (D81).
     */
    public static final Set<String> COLUMNS = Stream.of(
                    REFERENCE,
                    SELL,
                    BUY,
                    QUANTITY,
                    VENDOR,
                    PRODUCT,
                    CURRENCY,
                    new String[] {STATEMENT, COMPANY, CUSTOMER, LICENSE, VENDOR_SUBSCRIPTION},
                    new String[] {CLASSIFICATION, SKU, PERIOD, VALIDATED})
            .flatMap(Arrays::stream)
            .collect(Collectors.toUnmodifiableSet());

    /**
     * The line's quantity, 1 when absent or unreadable ({@code "N/A"}): it only says how the amount is split (D1), so a
     * line is never refused for it, and its amount billed.
     */
    private static BigDecimal quantity(ExportRow row) {
        RowReader cells = row.reader();
        BigDecimal quantity = cells.amount(BigDecimal.ONE, QUANTITY);
        return cells.problems().isEmpty() ? quantity : BigDecimal.ONE;
    }

    static BillingLineResult parse(ExportRow row) {
        RowReader cells = row.reader();
        // A missing line reference is not a problem of the row: only the features that identify lines need one.
        String reference = OrderLines.reference(cells.text(REFERENCE), row.occurrence());
        BillingLine line = new BillingLine(
                reference,
                cells.text(STATEMENT),
                cells.text(COMPANY),
                cells.text(CUSTOMER),
                cells.total(SELL),
                cells.total(BUY),
                quantity(row),
                cells.text(VENDOR),
                cells.text(PRODUCT),
                cells.text(LICENSE),
                cells.text(VENDOR_SUBSCRIPTION),
                cells.text(CLASSIFICATION),
                cells.text(SKU),
                cells.period(PERIOD),
                cells.date(VALIDATED),
                cells.text(CURRENCY));
        if (!cells.problems().isEmpty()) {
            String where = reference == null ? "export line" : "export line " + reference;
            return BillingLineResult.rejected(line, where + ": " + String.join("; ", cells.problems()));
        }
        return BillingLineResult.ok(line);
    }

    /** Whether an id is an XSP reference ({@code XSP…}) rather than a customer's bare {@code Ref}. */
    public static boolean isXspReference(String value) {
        return value != null && value.regionMatches(true, 0, "XSP", 0, 3);
    }

    /** Whether Arrow has validated the line (its {@code Validation Date} is set). */
    public boolean validated() {
        return validationDate != null;
    }
}
