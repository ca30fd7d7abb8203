package org.arrowsync.emulator.http;

import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.arrowsync.emulator.data.Customer;
import org.arrowsync.emulator.data.Line;
import org.arrowsync.emulator.data.LineFilter;
import org.arrowsync.emulator.data.Selection;
import org.arrowsync.emulator.data.StatementState;
import org.arrowsync.emulator.data.World;

/**
 * ERP export types, columns and the synchronous paged export. The official PHP client sends {@code page} and
 * {@code perPage} in the URL query and the filters in the body: strict mode reads them there only. Lenient mode also
 * takes them from the body (the .NET client's place); when both are present the query wins.
 */
final class ExportEndpoints {

    /** Waldur's documented assumption of Arrow's maximum export range. */
    static final int MAX_RANGE_MONTHS = 6;

    /** What a garbled line shows in its total price cells: a spreadsheet error, as hand-edited exports carry. */
    static final String GARBLED = "#VALUE!";

    /** The export's date output formats ({@code FormatDateEnum} of the official PHP client). */
    private static final Map<String, DateTimeFormatter> DATE_FORMATS = Map.of(
            "DD-MM-YYYY", DateTimeFormatter.ofPattern("dd-MM-yyyy"),
            "DD/MM/YYYY", DateTimeFormatter.ofPattern("dd/MM/yyyy"),
            "MM/DD/YYYY", DateTimeFormatter.ofPattern("MM/dd/yyyy"));

    private ExportEndpoints() {}

    /** A map reference → name, as the official PHP client's fixture shows ({@code ErpExportsClientTest}). */
    static Response types() {
        Map<String, Object> types = new LinkedHashMap<>();
        ExportTemplates.ALL.forEach(t -> types.put(t.reference(), t.name()));
        return Paging.billing(Json.obj("exportTypes", types), null);
    }

    /** One template: its name and its columns, {@code reference → name}, as the official PHP client reads them. */
    static Response type(String reference) {
        ExportTemplates.Template template = ExportTemplates.find(reference)
                .orElseThrow(() -> ApiError.notFound("unknown export type: " + reference));
        return Paging.billing(
                Json.obj("name", template.name(), "columns", ExportTemplates.columns(template.columns())), null);
    }

    static Response columns() {
        return Paging.billing(Json.obj("columns", ExportTemplates.columns()), null);
    }

    static Response sync(World world, Request request) {
        Map<String, Object> body = Json.readObject(request.body());
        Object typeRef = body.get("exportTypeReference");
        ExportTemplates.Template template = ExportTemplates.find(typeRef == null ? null : typeRef.toString())
                .orElseThrow(() -> ApiError.badRequest("unknown exportTypeReference: " + typeRef));
        DateTimeFormatter dates = dateFormat(body.get("outputFormat"));
        Map<?, ?> filters = body.get("filters") instanceof Map<?, ?> f ? f : Map.of();
        LineFilter filter = filter(world, filters, request.strict());
        Selection selection = world.select(filter);
        int page = request.intParam("page", request.strict() ? 1 : intValue(body.get("page"), 1));
        int perPage = request.query().containsKey(Request.OWN_PAGE_SIZE)
                ? Request.OWN_PAGE_ROWS
                : request.intParam(
                        "perPage",
                        request.strict() ? Paging.MAX_PER_PAGE : intValue(body.get("perPage"), Paging.MAX_PER_PAGE));
        Paging.Page p = new Paging.Page(page, perPage, selection.size());
        List<List<Object>> values = new ArrayList<>();
        Map<YearMonth, StatementState> states = new HashMap<>();
        Customer customer = null;
        List<Line> lines = selection.page(page, perPage);
        if (request.query().containsKey(Request.TIES_REORDERED) && page > 1 && !lines.isEmpty()) {
            lines = oneRowEarlier(selection, page, perPage, lines);
        }
        for (Line line : lines) {
            if (customer == null || customer.index() != line.license().customerIndex()) {
                customer = world.universe().customer(line.license().customerIndex());
            }
            ExportRow row =
                    new ExportRow(line, customer, states.computeIfAbsent(line.period(), world::statementState), dates);
            boolean garbled = world.isGarbled(line.sequence());
            List<Object> cells = new ArrayList<>(template.columns().size());
            template.columns()
                    .forEach(column ->
                            cells.add(garbled && isTotal(column) ? GARBLED : ExportColumns.value(column, row)));
            values.add(cells);
        }
        return Paging.recordedExport(Json.obj("headers", template.columns(), "values", values), Paging.exportKeys(p));
    }

    /**
     * A page as a query whose sort put tied rows in another order lists it: the last row of the page before first, its
     * own last row left out (D243).
     */
    private static List<Line> oneRowEarlier(Selection selection, int page, int perPage, List<Line> lines) {
        List<Line> shifted = new ArrayList<>(lines.size());
        shifted.add(selection.get((long) (page - 1) * perPage - 1));
        shifted.addAll(lines.subList(0, lines.size() - 1));
        return shifted;
    }

    /**
     * {@code outputFormat.date}: one of the three forms of the PHP client's {@code FormatDateEnum}; MM/DD/YYYY, the
     * form the recorded export shows, when none is asked for.
     */
    private static DateTimeFormatter dateFormat(Object outputFormat) {
        Object asked = outputFormat instanceof Map<?, ?> format ? format.get("date") : null;
        if (asked == null) {
            return DATE_FORMATS.get("MM/DD/YYYY");
        }
        DateTimeFormatter format = DATE_FORMATS.get(asked.toString());
        if (format == null) {
            throw ApiError.badRequest(
                    "unknown outputFormat.date: " + asked + " (DD-MM-YYYY, DD/MM/YYYY or MM/DD/YYYY)");
        }
        return format;
    }

    private static boolean isTotal(String column) {
        return column.contains("Total") && column.endsWith("Price");
    }

    private static LineFilter filter(World world, Map<?, ?> filters, boolean strict) {
        YearMonth current = world.clock().currentMonth();
        Map<?, ?> period = filters.get("reportPeriod") instanceof Map<?, ?> r ? r : Map.of();
        YearMonth from = period.get("from") == null
                ? current
                : Request.month("reportPeriod.from", period.get("from").toString());
        YearMonth to = period.get("to") == null
                ? from
                : Request.month("reportPeriod.to", period.get("to").toString());
        if (to.isBefore(from)) {
            throw ApiError.badRequest("reportPeriod.to is before reportPeriod.from");
        }
        if (from.plusMonths(MAX_RANGE_MONTHS).isBefore(to.plusMonths(1))) {
            throw ApiError.badRequest("reportPeriod range exceeds " + MAX_RANGE_MONTHS + " months");
        }
        Set<String> classifications = strings(filters.get("classifications"));
        if (!strict) {
            classifications.addAll(strings(filters.get("classification")));
        }
        return new LineFilter(
                from,
                to,
                strings(filters.get("customerXspRefs")),
                classifications,
                strings(filters.get("vendorSubscriptionIds")),
                strings(filters.get("programs")));
    }

    /** A filter value given as a single string or a list of strings. */
    private static Set<String> strings(Object value) {
        Set<String> values = new LinkedHashSet<>();
        if (value instanceof Collection<?> list) {
            list.forEach(v -> values.add(String.valueOf(v)));
        } else if (value != null && !value.toString().isBlank()) {
            values.add(value.toString());
        }
        return values;
    }

    private static int intValue(Object value, int fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("not an integer: " + value);
        }
    }
}
