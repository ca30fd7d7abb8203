package org.arrowsync.emulator.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The export templates. MSP is the 70-column header set recorded from the real API (the .NET client's
 * TestData/BillingReport.json, see docs/arrowsphere-api.md); ALT uses the alternative names other templates use. The
 * thinner ones are what partners configure with fewer columns: without line references, without the customer id,
 * without any customer column, without the license (ARS Subscription ID), without the currency, without Sequence.
 */
public final class ExportTemplates {

    public static final String MSP_REFERENCE = "E1-2-b2f08942207fbd6838ba332a98387c69";
    public static final String ALT_REFERENCE = "DJ284LDZ-standard";
    public static final String THIN_REFERENCE = "THIN-no-line-references";
    public static final String BY_NAME_REFERENCE = "BYNAME-no-company-id";
    public static final String NO_CUSTOMER_REFERENCE = "LINES-no-customer-columns";
    public static final String NO_LICENSE_REFERENCE = "STD-no-license-column";
    public static final String NO_CURRENCY_REFERENCE = "STD-no-currency-column";
    public static final String NO_SEQUENCE_REFERENCE = "MSP-no-sequence";

    /** An export type: reference, display name and ordered columns. */
    record Template(String reference, String name, List<String> columns) {

        /** The same columns minus some, as another template. */
        Template without(String reference, String name, String... dropped) {
            List<String> kept = columns.stream()
                    .filter(column -> !List.of(dropped).contains(column))
                    .toList();
            return new Template(reference, name, kept);
        }
    }

    static final Template MSP = new Template(
            MSP_REFERENCE,
            "MSP (Extended)",
            List.of(
                    "Order Id",
                    "Order Creation Date",
                    "Purchase Date",
                    "Bill From",
                    "Bill To",
                    "End User Company Name",
                    "End User Company ID",
                    "End User Company Reference ID",
                    "Arrow Reference ID",
                    "End User Account Creation Date",
                    "End User First Name",
                    "End User Last Name",
                    "End User E-mail",
                    "End User Phone",
                    "End User Address Line1",
                    "End User Address Line2",
                    "End User City",
                    "End User State",
                    "End User Post Code",
                    "End User Country Code",
                    "Service Name",
                    "Offer Name",
                    "Sales Reference Code",
                    "Qty",
                    "Pro-rate Scale",
                    "Country Marketplace Currency",
                    "Service Provider Currency",
                    "Exchange Rate",
                    "Vendor Name",
                    "Arrow SKU",
                    "Pro-Rated Wholesale Unit Discounted Price (Amount)",
                    "Total Wholesale Price",
                    "Tax on Total Wholesale Price",
                    "Grand Total - Wholesale Price",
                    "Initial Purchase Order",
                    "Agreement ID Reseller",
                    "Vendor SKU",
                    "Enduser VAT number",
                    "Enduser PO number",
                    "Min Qty",
                    "Max Qty",
                    "Description",
                    "Billing ID",
                    "Original Qty",
                    "Customer Billing ID",
                    "Friendly Name",
                    "Retail Unit Price",
                    "Retail Total Price",
                    "Rate",
                    "Customer Unit Price",
                    "Customer Total Price",
                    "ERP Invoice ID",
                    "ERP Invoice Date",
                    "Subscription Start Date",
                    "Subscription End Date",
                    "Reseller Name",
                    "Billing Cycle",
                    "Billing Term",
                    "Vendor Subscription ID",
                    "Order Comment 1",
                    "Order Comment 2",
                    "Sequence",
                    "Validation Date",
                    "Classification",
                    "Report Period",
                    "ARS Subscription ID",
                    "Segment",
                    "Organization Unit",
                    "Rate Rule Percentage",
                    "Rate Percentage"));

    static final Template ALT = new Template(
            ALT_REFERENCE,
            "Standard",
            List.of(
                    "Sequence",
                    "Statement Reference",
                    "End User Company Name",
                    "End User Company ID",
                    "Vendor Name",
                    "Vendor Subscription ID",
                    "ARS Subscription ID",
                    "Classification",
                    "Report Period",
                    "Validation Date",
                    "Arrow SKU",
                    "Product Name",
                    "Quantity",
                    "Sell Total Price",
                    "Buy Total Price",
                    "Country Marketplace Currency"));

    /** Enough for consumption finalisation and resource sync, but no line can be told apart from another. */
    static final Template THIN = new Template(
            THIN_REFERENCE,
            "Thin",
            List.of(
                    "Report Period",
                    "End User Company Name",
                    "Vendor Name",
                    "Vendor Subscription ID",
                    "ARS Subscription ID",
                    "Classification",
                    "Friendly Name",
                    "Customer Total Price",
                    "Total Wholesale Price",
                    "Country Marketplace Currency"));

    static final Template BY_NAME = ALT.without(BY_NAME_REFERENCE, "Standard by name", "End User Company ID");

    static final Template NO_CUSTOMER = ALT.without(
            NO_CUSTOMER_REFERENCE, "Lines only", "Statement Reference", "End User Company Name", "End User Company ID");

    static final Template NO_LICENSE =
            ALT.without(NO_LICENSE_REFERENCE, "Standard without license", "ARS Subscription ID");

    static final Template NO_CURRENCY =
            ALT.without(NO_CURRENCY_REFERENCE, "Standard without currency", "Country Marketplace Currency");

    /** Lines named by their order alone: Arrow keeps one order's id for every line of a subscription. */
    static final Template NO_SEQUENCE = MSP.without(NO_SEQUENCE_REFERENCE, "MSP without Sequence", "Sequence");

    static final List<Template> ALL =
            List.of(MSP, ALT, THIN, BY_NAME, NO_CUSTOMER, NO_LICENSE, NO_CURRENCY, NO_SEQUENCE);

    private ExportTemplates() {}

    static Optional<Template> find(String reference) {
        return ALL.stream().filter(t -> t.reference().equals(reference)).findFirst();
    }

    /** Every known column, keyed by a camelCase reference derived from its name. */
    static Map<String, String> columns() {
        return columns(ALL.stream().flatMap(t -> t.columns().stream()).toList());
    }

    /** The columns {@code names}, keyed as {@link #columns()} keys them, in their order. */
    static Map<String, String> columns(List<String> names) {
        Map<String, String> columns = new LinkedHashMap<>();
        names.forEach(name -> columns.putIfAbsent(columnRef(name), name));
        return columns;
    }

    private static String columnRef(String name) {
        String[] words = name.replaceAll("[^A-Za-z0-9 ]", " ").trim().split("\\s+");
        StringBuilder ref = new StringBuilder(words[0].toLowerCase(Locale.ROOT));
        for (int i = 1; i < words.length; i++) {
            ref.append(words[i].substring(0, 1).toUpperCase(Locale.ROOT))
                    .append(words[i].substring(1).toLowerCase(Locale.ROOT));
        }
        return ref.toString();
    }
}
