package org.arrowsync.arrowclient;

import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/** What to export: an export type (template) and report periods, optionally narrowed. Empty lists mean "no filter". */
public record ExportQuery(
        String exportTypeReference,
        YearMonth from,
        YearMonth to,
        List<String> classifications,
        List<String> customerXspRefs,
        List<String> vendorSubscriptionIds) {

    public ExportQuery {
        if (exportTypeReference == null || exportTypeReference.isBlank()) {
            throw new IllegalArgumentException("exportTypeReference must not be blank");
        }
        Objects.requireNonNull(from, "from");
        to = to == null ? from : to;
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("report period 'to' " + to + " is before 'from' " + from);
        }
        classifications = classifications == null ? List.of() : List.copyOf(classifications);
        customerXspRefs = customerXspRefs == null ? List.of() : List.copyOf(customerXspRefs);
        vendorSubscriptionIds = vendorSubscriptionIds == null ? List.of() : List.copyOf(vendorSubscriptionIds);
    }

    /** One report period, no other filter. */
    public static ExportQuery forPeriod(String exportTypeReference, YearMonth period) {
        return new ExportQuery(exportTypeReference, period, period, List.of(), List.of(), List.of());
    }

    public ExportQuery withCustomerXspRefs(List<String> refs) {
        return new ExportQuery(exportTypeReference, from, to, classifications, refs, vendorSubscriptionIds);
    }

    public ExportQuery withClassifications(List<String> values) {
        return new ExportQuery(exportTypeReference, from, to, values, customerXspRefs, vendorSubscriptionIds);
    }
}
