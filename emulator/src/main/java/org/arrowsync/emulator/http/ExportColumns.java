package org.arrowsync.emulator.http;

import org.arrowsync.emulator.data.Customer;
import org.arrowsync.emulator.data.License;
import org.arrowsync.emulator.data.Line;
import org.arrowsync.emulator.data.Money;

/**
 * The value of each export column for one row. All values are strings (money with five decimals, dates in the requested
 * output format) except {@code Segment}, which the recorded real export shows as JSON null.
 */
final class ExportColumns {

    private ExportColumns() {}

    static Object value(String column, ExportRow row) {
        Line line = row.line();
        License l = line.license();
        Customer c = row.customer();
        return switch (column) {
            case "Order Id" -> "ORD-" + l.number();
            case "Order Creation Date", "Purchase Date", "Subscription Start Date" ->
                l.activation().format(row.dates());
            case "Subscription End Date" ->
                l.activation().plusYears(1).minusDays(1).format(row.dates());
            case "Bill From" -> Partner.BILL_FROM;
            case "Bill To", "Reseller Name" -> Partner.COMPANY;
            case "End User Company Name" -> c.companyName();
            // The recorded export holds the customer's Ref here (222222 for XSP222222), not its XSP reference.
            case "End User Company ID" -> c.ref();
            case "End User Company Reference ID" -> c.internalReference();
            case "Arrow Reference ID" -> l.offer().programCode();
            case "End User Account Creation Date" -> c.createdAt().format(row.dates());
            case "End User First Name" -> c.firstName();
            case "End User Last Name" -> c.lastName();
            case "End User E-mail" -> c.email();
            case "End User Phone" -> c.phone();
            case "End User Address Line1" -> c.addressLine1();
            case "End User City" -> c.city();
            case "End User Post Code" -> c.postCode();
            case "End User Country Code" -> c.countryCode();
            case "Service Name", "Vendor Name" -> l.offer().vendorName();
            case "Offer Name", "Product Name" -> l.offer().productName();
            case "Sales Reference Code", "Arrow SKU", "Vendor SKU" -> l.offer().arrowSku();
            case "Qty", "Original Qty", "Quantity" -> Integer.toString(line.quantity());
            case "Pro-rate Scale", "Exchange Rate" -> "1.00000";
            case "Country Marketplace Currency", "Service Provider Currency" -> c.currency();
            case "Pro-Rated Wholesale Unit Discounted Price (Amount)" -> Money.text(line.buyUnit());
            case "Total Wholesale Price", "Grand Total - Wholesale Price", "Buy Total Price" ->
                Money.text(line.buyTotal());
            case "Tax on Total Wholesale Price" -> Money.text(Money.ZERO);
            case "Min Qty" -> "1";
            case "Max Qty" -> "10000";
            case "Description" -> line.description();
            case "Friendly Name" -> l.friendlyName();
            case "Retail Unit Price", "Customer Unit Price" -> Money.text(line.sellUnit());
            case "Retail Total Price", "Customer Total Price", "Sell Total Price" -> Money.text(line.sellTotal());
            case "ERP Invoice ID" -> row.state().fulfilled() ? "INV-" + row.statementReference() : "";
            case "ERP Invoice Date", "Validation Date" -> row.validationDate();
            case "Billing Cycle" -> "Monthly";
            case "Billing Term" -> l.offer().metered() ? "Monthly" : "Annual";
            case "Vendor Subscription ID" -> l.vendorSubscriptionId();
            case "Sequence" -> line.sequence();
            case "Statement Reference" -> row.statementReference();
            case "Classification" -> l.offer().classification();
            case "Report Period" -> line.period().toString();
            case "ARS Subscription ID" -> l.reference();
            case "Segment" -> null;
            default -> "";
        };
    }
}
