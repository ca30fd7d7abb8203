package org.arrowsync.mappings;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.arrowclient.ExportPage;
import org.arrowsync.arrowclient.ExportQuery;
import org.arrowsync.arrowclient.ExportType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether an export template carries the columns the sync needs: its headers as one page of the most recent closed
 * month shows them (one export call per template, not the whole export).
 */
public final class ExportCompatibility {

    static final List<String> REQUIRED = List.of(
            "Classification",
            "Vendor Subscription ID",
            "End User Company Name",
            "Customer Total Price",
            "Total Wholesale Price");
    static final List<String> IMPORTANT = List.of(
            "Friendly Name",
            "Report Period",
            "Vendor Name",
            "Offer Name",
            "Qty",
            "Order Id",
            "Description",
            "Service Name",
            "Arrow SKU",
            "Vendor SKU",
            "Billing Cycle",
            "Customer Unit Price",
            "Bill From",
            "Bill To",
            "End User Company ID",
            "End User E-mail",
            "End User Country Code",
            "End User Address Line1",
            "End User City",
            "End User Post Code",
            "Sequence",
            "ARS Subscription ID");
    private static final int RECOMMENDED_IMPORTANT = 11;
    private static final Logger log = LoggerFactory.getLogger(ExportCompatibility.class);

    private ExportCompatibility() {}

    /** Every export type Arrow lists, checked; an Arrow failure listing them is an empty list, not an error. */
    static List<ExportTypeCompatibility> check(ArrowClient client, YearMonth closedMonth) {
        List<ExportType> types;
        try {
            types = client.exportTypes();
        } catch (ArrowException e) {
            log.warn("Could not list Arrow export types: {}", e.getMessage());
            return List.of();
        }
        return types.stream().map(type -> check(client, type, closedMonth)).toList();
    }

    private static ExportTypeCompatibility check(ArrowClient client, ExportType type, YearMonth closedMonth) {
        List<String> headers;
        try {
            ExportPage page = client.exportPage(ExportQuery.forPeriod(type.reference(), closedMonth), 1);
            headers = page.headers();
        } catch (ArrowException e) {
            log.warn("Could not read export type {}: {}", type.reference(), e.getMessage());
            headers = List.of();
        }
        List<String> missingRequired = missing(REQUIRED, headers);
        List<String> missingImportant = missing(IMPORTANT, headers);
        int requiredFound = REQUIRED.size() - missingRequired.size();
        int importantFound = IMPORTANT.size() - missingImportant.size();
        boolean compatible = missingRequired.isEmpty();
        return new ExportTypeCompatibility(
                type.reference(),
                type.name() == null ? type.reference() : type.name(),
                REQUIRED.size(),
                requiredFound,
                IMPORTANT.size(),
                importantFound,
                missingRequired,
                missingImportant,
                compatible,
                compatible && importantFound >= RECOMMENDED_IMPORTANT);
    }

    private static List<String> missing(List<String> wanted, List<String> headers) {
        List<String> missing = new ArrayList<>(
                wanted.stream().filter(column -> !headers.contains(column)).toList());
        missing.sort(null);
        return missing;
    }

    public record ExportTypeCompatibility(
            String reference,
            String name,
            int requiredFieldsTotal,
            int requiredFieldsFound,
            int importantFieldsTotal,
            int importantFieldsFound,
            List<String> missingRequiredFields,
            List<String> missingImportantFields,
            boolean compatible,
            boolean recommended) {}
}
