package org.arrowsync.mappings;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.arrowsync.arrowclient.ArrowClient;
import org.arrowsync.arrowclient.ArrowException;
import org.arrowsync.arrowclient.ExportColumn;
import org.arrowsync.arrowclient.ExportPage;
import org.arrowsync.arrowclient.ExportQuery;
import org.arrowsync.arrowclient.ExportType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether an export template carries the columns each feature needs, as one page of the most recent closed month shows
 * its headers (one export call per template, not the whole export), else as the template lists its columns. Each
 * feature reads only its own columns, each possibly under one of several names; a template is compatible when the
 * billing sync works with it, and recommended when every feature does (D32). The reference's required/important counts
 * are kept, over the same needs.
 */
public final class ExportCompatibility {

    /** A column a feature reads, under any of its names, and what goes wrong without it. */
    record Need(List<String> names, boolean required, String without) {

        String label() {
            return String.join(" or ", names);
        }

        boolean metBy(List<String> headers) {
            return names.stream().anyMatch(headers::contains);
        }
    }

    private static final Need LINE_REFERENCE =
            required("lines cannot be told apart: nothing is billed or reconciled", "Sequence", "Order Id");
    private static final Need SELL = required(
            "no line's sell amount is known: every line is refused, none taken as zero",
            "Sell Total Price",
            "Customer Total Price");
    private static final Need BUY = required(
            "no line's buy amount is known: every line is refused, none taken as zero",
            "Buy Total Price",
            "Total Wholesale Price");
    private static final Need CURRENCY =
            optional("lines are taken to be in EUR", "Country Marketplace Currency", "Service Provider Currency");
    private static final Need LICENSE = optional(
            "lines are not tied to their license: no resource is linked, and consumption tracking cannot work beside"
                    + " the billing sync (a month in which it bills a license of a customer with such lines is refused;"
                    + " a customer's month billed through them is left to the billing sync)",
            "ARS Subscription ID");

    private static final String BILLING_SYNC = "billing_sync";

    /** The features and their needs, in the order the check reports them. */
    static final Map<String, List<Need>> FEATURES = features();

    private static final Logger log = LoggerFactory.getLogger(ExportCompatibility.class);

    private ExportCompatibility() {}

    private static Map<String, List<Need>> features() {
        Map<String, List<Need>> features = new LinkedHashMap<>();
        features.put(
                BILLING_SYNC,
                List.of(
                        LINE_REFERENCE,
                        required(
                                "lines cannot be matched to customer mappings: nothing is billed",
                                "End User Company ID",
                                "End User Company Name"),
                        SELL,
                        BUY,
                        LICENSE,
                        CURRENCY,
                        optional("quantities show as 1", "Quantity", "Qty"),
                        optional(
                                "one billing sync per customer and month instead of one per statement",
                                "Statement Reference"),
                        optional("validation waits for Arrow's statements or the calendar", "Validation Date")));
        features.put(
                "consumption_finalisation",
                List.of(
                        required(
                                "consumption tracking needs it: licenses cannot be found in the export, so consumption"
                                        + " is never finalised, and the billing sync refuses a month in which"
                                        + " consumption tracking bills a license of a customer with lines naming none",
                                "ARS Subscription ID"),
                        SELL,
                        BUY,
                        CURRENCY));
        features.put(
                "resource_sync",
                List.of(
                        required("no subscription can be told apart: nothing is synced", "Vendor Subscription ID"),
                        required("only IAAS lines are synced: without it, none is", "Classification"),
                        SELL,
                        BUY,
                        optional("resources are named after the product", "Friendly Name"),
                        optional("amounts are not split by month", "Report Period"),
                        optional("resources are not linked to their license", "ARS Subscription ID")));
        features.put(
                "force_import",
                List.of(
                        required("no customer can be created", "End User Company Name"),
                        required("no customer mapping can be created", "End User Company ID"),
                        optional("created customers have no e-mail", "End User E-mail"),
                        optional("created customers have no address", "End User Address Line1", "End User City"),
                        optional("created customers have no post code", "End User Post Code"),
                        optional("created customers have no country", "End User Country Code")));
        return features;
    }

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
            if (headers.isEmpty()) {
                // a month without lines may come without headers (a new partner's): the template says its columns
                headers = client.exportTypeColumns(type.reference()).stream()
                        .map(ExportColumn::name)
                        .filter(name -> name != null && !name.isBlank())
                        .toList();
            }
        } catch (ArrowException e) {
            log.warn("Could not read export type {}: {}", type.reference(), e.getMessage());
            headers = List.of();
        }
        return of(type.reference(), type.name() == null ? type.reference() : type.name(), headers);
    }

    /** The export type to take until the operator chooses: the first recommended, else compatible, else listed. */
    public static Optional<String> preselected(List<ExportTypeCompatibility> types) {
        return types.stream()
                .filter(ExportTypeCompatibility::recommended)
                .findFirst()
                .or(() -> types.stream()
                        .filter(ExportTypeCompatibility::compatible)
                        .findFirst())
                .or(() -> types.stream().findFirst())
                .map(ExportTypeCompatibility::reference);
    }

    static ExportTypeCompatibility of(String reference, String name, List<String> headers) {
        List<FeatureCompatibility> features = new ArrayList<>();
        FEATURES.forEach((feature, needs) -> features.add(FeatureCompatibility.of(feature, needs, headers)));
        Map<String, Need> byLabel = new LinkedHashMap<>();
        FEATURES.values().forEach(needs -> needs.forEach(need -> byLabel.putIfAbsent(need.label(), need)));
        List<String> required = FEATURES.get(BILLING_SYNC).stream()
                .filter(Need::required)
                .map(Need::label)
                .toList();
        List<String> important = byLabel.keySet().stream()
                .filter(label -> !required.contains(label))
                .toList();
        List<String> missingRequired = unmet(required, byLabel, headers);
        List<String> missingImportant = unmet(important, byLabel, headers);
        boolean compatible = missingRequired.isEmpty();
        return new ExportTypeCompatibility(
                reference,
                name,
                required.size(),
                required.size() - missingRequired.size(),
                important.size(),
                important.size() - missingImportant.size(),
                missingRequired,
                missingImportant,
                compatible,
                compatible && features.stream().allMatch(FeatureCompatibility::usable),
                features);
    }

    private static List<String> unmet(List<String> labels, Map<String, Need> byLabel, List<String> headers) {
        return labels.stream()
                .filter(label -> !byLabel.get(label).metBy(headers))
                .sorted()
                .toList();
    }

    private static Need required(String without, String... names) {
        return new Need(List.of(names), true, without);
    }

    private static Need optional(String without, String... names) {
        return new Need(List.of(names), false, without);
    }

    /** What one feature can do with a template: whether it works, and what each missing column costs. */
    public record FeatureCompatibility(String feature, boolean usable, List<MissingColumn> missing) {

        static FeatureCompatibility of(String feature, List<Need> needs, List<String> headers) {
            List<MissingColumn> missing = needs.stream()
                    .filter(need -> !need.metBy(headers))
                    .map(need -> new MissingColumn(need.label(), need.required(), need.without()))
                    .toList();
            return new FeatureCompatibility(feature, missing.stream().noneMatch(MissingColumn::required), missing);
        }
    }

    /** A column (under any of its names) a template lacks, whether the feature needs it, and what happens without. */
    public record MissingColumn(String column, boolean required, String effect) {}

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
            boolean recommended,
            List<FeatureCompatibility> features) {}
}
