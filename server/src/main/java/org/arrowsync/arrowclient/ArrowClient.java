package org.arrowsync.arrowclient;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ArrowSphere API for one connection (API URL + key). Obtain one from {@link ArrowClients#connect}. Thread-safe.
 * Every method throws a subtype of {@link ArrowException} on failure. What each call sends and reads, and the evidence
 * for it, is in the repository's docs/arrowsphere-api.md.
 */
public final class ArrowClient {

    static final int CUSTOMERS_PER_PAGE = 100;
    static final int LICENSES_PER_PAGE = 100;
    static final int PROGRAMS_PER_PAGE = 100;
    /** The official PHP client's default for statements and their lines. */
    static final int STATEMENTS_PER_PAGE = 1000;
    /** The find filter on the owning customer, as the official clients name it. */
    static final String CUSTOMER_FILTER = "license.customer_ref";

    private final Transport transport;
    private final Pager pager;
    private final Exports exports;

    ArrowClient(Transport transport, int maxPages) {
        this.transport = transport;
        this.pager = new Pager(transport.failures(), maxPages);
        this.exports = new Exports(transport, pager);
    }

    /**
     * {@code GET whoami}: the partner behind the key. The envelope's {@code status}, when sent, must not be an error.
     */
    public Partner whoami() {
        return transport.get("whoami", Query.empty(), root -> Partner.from(data(root)));
    }

    /** {@code GET customers}, every page. */
    public List<Customer> customers() {
        return all(
                "customers",
                page -> Query.empty().with("page", page).with("per_page", CUSTOMERS_PER_PAGE),
                CUSTOMERS_PER_PAGE,
                root -> Json.first(data(root), "customers", "Customers"),
                Customer::from);
    }

    /** {@code GET customers/{reference}}: accepts {@code data.customers[0]} and {@code data.customer}. */
    public Customer customer(String reference) {
        String path = "customers/" + Query.segment(reference);
        return transport.get(path, Query.empty(), root -> {
            JsonNode data = data(root);
            JsonNode single = Json.first(data, "customer", "Customer");
            if (single.isObject()) {
                return Customer.from(single);
            }
            List<JsonNode> list = Json.elements(Json.first(data, "customers", "Customers"));
            if (list.isEmpty()) {
                throw transport.failures().notFound(path, "customer");
            }
            return Customer.from(list.get(0));
        });
    }

    /** {@code POST licenses/v2/find}, every page: all the partner's licenses. */
    public List<License> licenses() {
        return findLicenses(transport.json().createObjectNode());
    }

    /** {@code POST licenses/v2/find} filtered on {@code license.customer_ref}, every page: one customer's licenses. */
    public List<License> licenses(String customerReference) {
        ObjectNode body = transport.json().createObjectNode();
        body.putObject("filters").putArray(CUSTOMER_FILTER).add(customerReference);
        return findLicenses(body);
    }

    private List<License> findLicenses(ObjectNode body) {
        return paged(
                "licenses/v2/find",
                page -> transport.post(
                        "licenses/v2/find",
                        Query.empty().with("page", page).with("per_page", LICENSES_PER_PAGE),
                        body,
                        root -> root),
                LICENSES_PER_PAGE,
                // The official clients read results[] at the top level; a data envelope is accepted too.
                root -> Json.first(root, "results").isArray() ? root.get("results") : Json.first(data(root), "results"),
                result -> License.from(Json.first(result, "license").isObject() ? result.get("license") : result));
    }

    /** {@code GET licenses/{reference}}: typed fields and {@code data.license} verbatim. */
    public LicenseDetails license(String reference) {
        return transport.get("licenses/" + Query.segment(reference), Query.empty(), root -> {
            JsonNode license = Json.first(data(root), "license", "License");
            if (!license.isObject()) {
                throw new PayloadProblem("returned no data.license");
            }
            return new LicenseDetails(License.from(license), license);
        });
    }

    /**
     * {@code GET consumption/monthly/license/{reference}} for the report periods {@code from}..{@code to}. The months
     * go under the official Node client's names ({@code billingMonthStart/End}) and Waldur's
     * ({@code reportPeriodStart/End}); lines of other months are left out, and an answer of other months only is
     * refused.
     */
    public ConsumptionReport monthlyConsumption(String licenseReference, YearMonth from, YearMonth to) {
        return monthlyConsumption(licenseReference, from, to == null ? from : to, false);
    }

    /**
     * The license's consumption of a month, to bill: as {@link #monthlyConsumption}, an answer whose lines give no
     * amount at all being Arrow's bad answer (D170), where the raw views show it as it came.
     */
    public ConsumptionReport billableConsumption(String licenseReference, YearMonth period) {
        return monthlyConsumption(licenseReference, period, period, true);
    }

    private ConsumptionReport monthlyConsumption(
            String licenseReference, YearMonth from, YearMonth to, boolean billable) {
        Query query = Query.empty()
                .with("billingMonthStart", from)
                .with("billingMonthEnd", to)
                .with("reportPeriodStart", from)
                .with("reportPeriodEnd", to);
        return transport.get("consumption/monthly/license/" + Query.segment(licenseReference), query, root -> {
            ConsumptionReport report = ConsumptionReport.from(data(root), from, to);
            return billable ? report.billable() : report;
        });
    }

    /**
     * What the license consumed so far in the current month, as Waldur reads it: {@code GET
     * consumption/license/{reference}/prediction}, whose {@code values[].consumed} is the consumption to date. Arrow's
     * {@code licenses/{reference}/predictions/daily}, which the official clients call, is a forecast from the day its
     * model last ran (its first day is {@code updatedAt}), not what was consumed: it is never billed.
     */
    public ConsumptionPrediction consumptionPrediction(String licenseReference) {
        return transport.get(
                "consumption/license/" + Query.segment(licenseReference) + "/prediction",
                Query.empty().with("granularity", "monthly"),
                root -> ConsumptionPrediction.fromMonthly(data(root)));
    }

    /** {@code GET billing/erp/exports/types}. */
    public List<ExportType> exportTypes() {
        return transport.get(
                "billing/erp/exports/types",
                Query.empty(),
                root -> ExportType.listFrom(Json.first(data(root), "exportTypes", "ExportTypes")));
    }

    /**
     * {@code GET billing/erp/exports/types/{reference}}: the template's columns, {@code data.columns} read as
     * {@link #exportColumns} reads them (the official PHP client's {@code getErpExportsType}).
     */
    public List<ExportColumn> exportTypeColumns(String reference) {
        return transport.get(
                "billing/erp/exports/types/" + Query.segment(reference),
                Query.empty(),
                root -> ExportColumn.listFrom(Json.first(data(root), "columns", "Columns")));
    }

    /** {@code GET billing/erp/exports/columns}. */
    public List<ExportColumn> exportColumns() {
        return transport.get(
                "billing/erp/exports/columns",
                Query.empty(),
                root -> ExportColumn.listFrom(Json.first(data(root), "columns", "Columns")));
    }

    /** {@code GET billing/statements}, every page. */
    public List<Statement> statements(StatementQuery query) {
        List<Statement> listed = all(
                "billing/statements",
                page -> query.toQuery().with("page", page).with("perPage", STATEMENTS_PER_PAGE),
                STATEMENTS_PER_PAGE,
                root -> Json.first(data(root), "billingStatements"),
                Statement::from);
        // a statement of another month than asked for (an API that ignored the filter) says nothing of this one
        return listed.stream().filter(query::asksFor).toList();
    }

    /** {@code GET billing/statements/{reference}/lines}, every page. */
    public List<StatementLine> statementLines(String statementReference) {
        return all(
                "billing/statements/" + Query.segment(statementReference) + "/lines",
                page -> Query.empty().with("page", page).with("perPage", STATEMENTS_PER_PAGE),
                STATEMENTS_PER_PAGE,
                root -> Json.first(data(root), "billingStatementLines"),
                StatementLine::from);
    }

    /**
     * {@code GET catalog/categories/{category}/programs}, every page: the vendor names (first non-empty of
     * {@code vendorName, vendor, name, programName}), sorted and distinct.
     */
    public List<String> vendorNames(String category) {
        List<String> found = all(
                "catalog/categories/" + Query.segment(category) + "/programs",
                page -> Query.empty().with("page", page).with("per_page", PROGRAMS_PER_PAGE),
                PROGRAMS_PER_PAGE,
                root -> {
                    JsonNode data = data(root);
                    return data.isArray() ? data : Json.first(data, "programs", "results");
                },
                program -> program.isObject()
                        ? Json.text(program, "vendorName", "vendor", "name", "programName")
                        : Json.text(program));
        TreeSet<String> names = new TreeSet<>();
        for (String name : found) {
            if (name != null && !name.isBlank()) {
                names.add(name.strip());
            }
        }
        return List.copyOf(names);
    }

    /** {@code POST billing/erp/exports/sync}: one page of the export, from 1. */
    public ExportPage exportPage(ExportQuery query, int page) {
        return exports.page(query, page);
    }

    /**
     * The whole export, page by page: each page is handed to {@code consumer} and can be dropped before the next is
     * fetched, so memory does not grow with the export. Stops on an empty page or the declared last page (else once the
     * declared total is read, else at a page shorter than the page size it declares); a page that repeats an earlier
     * one is an {@link ArrowBadResponse}, and one that counts fewer items than page 1 did is marked {@code shortened}
     * (D182).
     */
    public void forEachExportPage(ExportQuery query, Consumer<ExportPage> consumer) {
        exports.forEachPage(query, null, consumer);
    }

    /**
     * The whole export as {@link #forEachExportPage(ExportQuery, Consumer)} gives it, but of each row only the cells of
     * {@code columns} are read, the others never made into text (a million-line month has some fifty million, D81):
     * asking a row for another column's cell is refused with an {@link IllegalStateException}.
     */
    public void forEachExportPage(ExportQuery query, Set<String> columns, Consumer<ExportPage> consumer) {
        exports.forEachPage(query, Set.copyOf(columns), consumer);
    }

    private <T> List<T> all(
            String path,
            IntFunction<Query> query,
            int perPage,
            Function<JsonNode, JsonNode> list,
            Function<JsonNode, T> item) {
        return paged(path, page -> transport.get(path, query.apply(page), root -> root), perPage, list, item);
    }

    /** Every item of a paged endpoint; {@code fetch} answers a page's checked root, {@code list} finds its items. */
    private <T> List<T> paged(
            String path,
            IntFunction<JsonNode> fetch,
            int perPage,
            Function<JsonNode, JsonNode> list,
            Function<JsonNode, T> item) {
        List<T> out = new ArrayList<>();
        pager.<T>forEach(
                path,
                perPage,
                true,
                page -> {
                    JsonNode root = fetch.apply(page);
                    List<T> items = new ArrayList<>();
                    try {
                        for (JsonNode node : Json.elements(list.apply(root))) {
                            items.add(item.apply(node));
                        }
                    } catch (PayloadProblem problem) {
                        throw transport.failures().badResponse(path, 200, problem.getMessage());
                    }
                    return new Pager.Page<>(page, items, Pagination.of(root));
                },
                fetched -> out.addAll(fetched.items()));
        return out;
    }

    private static JsonNode data(JsonNode root) {
        JsonNode data = Json.first(root, "data", "Data");
        if (data.isMissingNode()) {
            throw new PayloadProblem("returned no data");
        }
        return data;
    }
}
