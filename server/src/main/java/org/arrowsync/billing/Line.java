package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.ledger.InvoiceItemDraft;
import org.arrowsync.ledger.Resource;
import org.arrowsync.mappings.CustomerMapping;
import org.arrowsync.pricing.Price;
import org.arrowsync.shared.Money;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A billing line matched to its sync, with the item billed for its line reference before (null for a new line) and its
 * price under the price rules. Its mapping carries the operator customer the sync bills, which is not the mapping's own
 * when the mapping was pointed at another customer after the sync was made (D100).
 */
record Line(
        RunSync sync, CustomerMapping mapping, BillingLine line, BillingSyncItem billed, Price price, String currency) {

    /** What the line bills: its Arrow amount priced by the rules. */
    BigDecimal amount() {
        return price.billed();
    }

    /**
     * What the line's own invoice item bills: its amount less the corrections booked for it (re-pricing may book one
     * while the line still follows Arrow), so that item and corrections together bill the amount rounded (D169).
     */
    BigDecimal due() {
        return billed == null ? amount() : Money.itemAmount(amount(), billed.compensated(), billed.currency());
    }

    /**
     * The license the line bills: the export's {@code ARS Subscription ID}, else the one its item was billed with (a
     * template without that column still knows the lines billed before); null when neither names one (D69).
     */
    String license() {
        if (!blank(line.licenseReference())) {
            return line.licenseReference();
        }
        return billed == null || blank(billed.licenseReference()) ? null : billed.licenseReference();
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The line with the item billed for it before. */
    Line billedAs(BillingSyncItem item) {
        return new Line(sync, mapping, line, item, price, currency);
    }

    /** What the line's sync item records of it, as one value (D55). */
    UUID contentHash() {
        return KnownLine.contentHash(amount(), line, price.terms());
    }

    String description() {
        String product = line.product() == null ? "" : line.product();
        return line.vendor() == null || line.vendor().isBlank() ? product : line.vendor() + " - " + product;
    }

    /**
     * The invoice item's name (D23): what was billed, then which license (else subscription), month and Arrow line, so
     * that the several lines of one license in a month read apart, e.g. {@code Microsoft - Azure Plan (XSP1001,
     * 2026-10, line AZ-1001-202610-2)}.
     */
    String name(YearMonth period) {
        String what = description().isBlank() ? line.lineReference() : description();
        String license =
                line.licenseReference() == null || line.licenseReference().isBlank()
                        ? line.vendorSubscriptionId()
                        : line.licenseReference();
        List<String> which = new ArrayList<>();
        if (license != null && !license.isBlank()) {
            which.add(license);
        }
        which.add(period.toString());
        which.add("line " + line.lineReference());
        return what + " (" + String.join(", ", which) + ")";
    }

    JsonNode details(YearMonth period) {
        ObjectNode details = JsonNodeFactory.instance
                .objectNode()
                .put("source", "arrow")
                .put("arrow_line_reference", line.lineReference())
                .put("statement_reference", sync.statementReference())
                .put("report_period", period.toString())
                .put("vendor_name", nullToEmpty(line.vendor()))
                .put("subscription_reference", nullToEmpty(line.vendorSubscriptionId()))
                .put("license_reference", nullToEmpty(line.licenseReference()))
                .put("classification", nullToEmpty(line.classification()));
        details.put("quantity", line.quantity().toPlainString());
        return price.describe(details);
    }

    /** The invoice item billing this line; its name says which month it bills, on whichever month's invoice. */
    InvoiceItemDraft draft(YearMonth period, Resource resource) {
        LineAmount split = LineAmount.of(due(), line.quantity());
        return new InvoiceItemDraft(
                name(period),
                split.unitPrice(),
                split.quantity(),
                "quantity",
                currency,
                period.atDay(1),
                period.atEndOfMonth(),
                resource == null ? null : resource.ref(),
                resource == null ? null : resource.project(),
                details(period));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
