package org.arrowsync.billing;

import java.math.BigDecimal;
import java.time.YearMonth;
import org.arrowsync.arrowclient.BillingLine;
import org.arrowsync.ledger.InvoiceItemDraft;
import org.arrowsync.ledger.Resource;
import org.arrowsync.mappings.CustomerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A billing line matched to its sync, with the item billed for its line reference before (null for a new line) and the
 * amount chosen by the settings' price source.
 */
record Line(
        BillingSync sync,
        CustomerMapping mapping,
        BillingLine line,
        BillingSyncItem billed,
        BigDecimal amount,
        String currency) {

    String description() {
        String product = line.product() == null ? "" : line.product();
        return line.vendor() == null || line.vendor().isBlank() ? product : line.vendor() + " - " + product;
    }

    String name() {
        return description().isBlank() ? line.lineReference() : description();
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
        return details;
    }

    /** The invoice item billing this line; placed on another month's invoice, its name says which month it bills. */
    InvoiceItemDraft draft(YearMonth period, YearMonth invoicePeriod, Resource resource) {
        LineAmount split = LineAmount.of(amount, line.quantity());
        String name = invoicePeriod.equals(period) ? name() : name() + " (" + period + ")";
        return new InvoiceItemDraft(
                name,
                split.unitPrice(),
                split.quantity(),
                "quantity",
                currency,
                period.atDay(1),
                period.atEndOfMonth(),
                resource == null ? null : new Resource.Ref(resource.id(), resource.uuid(), resource.name()),
                resource == null ? null : resource.project(),
                details(period));
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
