package org.arrowsync.arrowclient;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;

/**
 * The ArrowSphere API for one connection (API URL + key). Obtain one from {@link ArrowClients#connect}. Thread-safe.
 * Every method throws a subtype of {@link ArrowException} on failure.
 */
public final class ArrowClient {

    static final int CUSTOMERS_PER_PAGE = 100;
    static final int LICENSES_PER_PAGE = 100;
    static final int STATEMENTS_PER_PAGE = 100;

    private final Transport transport;
    private final Pager pager;
    private final Exports exports;

    ArrowClient(Transport transport, int maxPages) {
        this.transport = transport;
        this.pager = new Pager(transport.failures(), maxPages);
        this.exports = new Exports(transport, pager);
    }

    /** {@code GET whoami}: the partner behind the key; the body must say {@code status} 200. */
    public Partner whoami() {
        return transport.get("whoami", Query.empty(), root -> {
            Integer status = Json.integer(root, "status", "Status");
            if (status == null || status != 200) {
                throw new PayloadProblem("did not confirm the key with body status 200 (status " + status + ")");
            }
            return Partner.from(data(root));
        });
    }

    /** {@code GET customers}, every page. */
    public List<Customer> customers() {
        return all(
                "customers",
                page -> Query.empty().with("page", page).with("per_page", CUSTOMERS_PER_PAGE),
                CUSTOMERS_PER_PAGE,
                data -> Json.first(data, "customers", "Customers"),
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

    /** {@code GET licenses}, every page. */
    public List<License> licenses() {
        return all(
                "licenses",
                page -> Query.empty().with("page", page).with("per_page", LICENSES_PER_PAGE),
                LICENSES_PER_PAGE,
                data -> Json.first(data, "licenses", "Licenses"),
                License::from);
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

    /** {@code GET consumption/monthly/license/{reference}} for the report periods {@code from}..{@code to}. */
    public ConsumptionReport monthlyConsumption(String licenseReference, YearMonth from, YearMonth to) {
        YearMonth end = to == null ? from : to;
        Query query = Query.empty().with("reportPeriodStart", from).with("reportPeriodEnd", end);
        return transport.get(
                "consumption/monthly/license/" + Query.segment(licenseReference),
                query,
                root -> ConsumptionReport.from(data(root)));
    }

    /** {@code GET consumption/license/{reference}/prediction} with monthly granularity. */
    public ConsumptionPrediction consumptionPrediction(String licenseReference) {
        return transport.get(
                "consumption/license/" + Query.segment(licenseReference) + "/prediction",
                Query.empty().with("granularity", "monthly"),
                root -> ConsumptionPrediction.from(data(root)));
    }

    /** {@code GET billing/erp/exports/types}. */
    public List<ExportType> exportTypes() {
        return transport.get(
                "billing/erp/exports/types",
                Query.empty(),
                root -> ExportType.listFrom(Json.first(data(root), "exportTypes", "ExportTypes")));
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
        return all(
                "billing/statements",
                page -> query.toQuery().with("page", page).with("perPage", STATEMENTS_PER_PAGE),
                STATEMENTS_PER_PAGE,
                data -> Json.first(data, "billingStatements"),
                Statement::from);
    }

    /** {@code GET billing/statements/{reference}/lines}, every page. */
    public List<StatementLine> statementLines(String statementReference) {
        return all(
                "billing/statements/" + Query.segment(statementReference) + "/lines",
                page -> Query.empty().with("page", page).with("perPage", STATEMENTS_PER_PAGE),
                STATEMENTS_PER_PAGE,
                data -> Json.first(data, "billingStatementLines"),
                StatementLine::from);
    }

    /**
     * {@code GET catalog/categories/{category}/programs}: the vendor names (first non-empty of {@code vendorName,
     * vendor, name, programName}), sorted and distinct.
     */
    public List<String> vendorNames(String category) {
        return transport.get("catalog/categories/" + Query.segment(category) + "/programs", Query.empty(), root -> {
            JsonNode data = data(root);
            JsonNode programs = data.isArray() ? data : Json.first(data, "programs", "results");
            TreeSet<String> names = new TreeSet<>();
            for (JsonNode program : Json.elements(programs)) {
                String name = program.isObject()
                        ? Json.text(program, "vendorName", "vendor", "name", "programName")
                        : Json.text(program);
                if (name != null && !name.isBlank()) {
                    names.add(name.strip());
                }
            }
            return List.copyOf(names);
        });
    }

    /** {@code POST billing/erp/exports/sync}: one page of the export, from 1. */
    public ExportPage exportPage(ExportQuery query, int page) {
        return exports.page(query, page);
    }

    /**
     * The whole export, page by page: each page is handed to {@code consumer} and can be dropped before the next is
     * fetched, so memory does not grow with the export. Stops on an empty page, a page shorter than the page size, or
     * the last page; a short page before the last is an {@link ArrowBadResponse}.
     */
    public void forEachExportPage(ExportQuery query, Consumer<ExportPage> consumer) {
        exports.forEachPage(query, consumer);
    }

    private <T> List<T> all(
            String path,
            IntFunction<Query> query,
            int perPage,
            Function<JsonNode, JsonNode> list,
            Function<JsonNode, T> item) {
        List<T> out = new ArrayList<>();
        pager.<T>forEach(
                path,
                perPage,
                page -> transport.get(path, query.apply(page), root -> {
                    List<T> items = new ArrayList<>();
                    for (JsonNode node : Json.elements(list.apply(data(root)))) {
                        items.add(item.apply(node));
                    }
                    return new Pager.Page<>(page, items, Pagination.of(root));
                }),
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
