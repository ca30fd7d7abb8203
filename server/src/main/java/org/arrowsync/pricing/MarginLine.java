package org.arrowsync.pricing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * One line of a month as margin reports show it: what Arrow charges for it ({@code buy}) and lists it at
 * ({@code sell}), what the operator's invoices bill for it ({@code billed}: its item, rounded as its invoice bills it,
 * and every correction) and where. A billing line invoiced by the billing sync is one; a license-month billed by
 * consumption tracking is one.
 *
 * @param quantity null where Arrow gives none (consumption is metered)
 * @param invoiceUuid the invoice of {@code invoiceItemUuid}; both null for a line that bills nothing
 */
public record MarginLine(
        UUID customerUuid,
        String customerName,
        String vendorName,
        String subscriptionReference,
        String licenseReference,
        String classification,
        BigDecimal quantity,
        BigDecimal buy,
        BigDecimal sell,
        BigDecimal billed,
        String currency,
        UUID invoiceUuid,
        UUID invoiceItemUuid) {

    /** Reads a row whose columns are named as the fields are, in snake case ({@code customer_uuid}, …). */
    public static MarginLine read(ResultSet rs) throws SQLException {
        return new MarginLine(
                rs.getObject("customer_uuid", UUID.class),
                rs.getString("customer_name"),
                rs.getString("vendor_name"),
                rs.getString("subscription_reference"),
                rs.getString("license_reference"),
                rs.getString("classification"),
                rs.getBigDecimal("quantity"),
                rs.getBigDecimal("buy"),
                rs.getBigDecimal("sell"),
                rs.getBigDecimal("billed"),
                rs.getString("currency"),
                rs.getObject("invoice_uuid", UUID.class),
                rs.getObject("invoice_item_uuid", UUID.class));
    }

    /** What the operator earns on the line: billed minus Arrow's buy price. */
    public BigDecimal margin() {
        return billed.subtract(buy);
    }
}
