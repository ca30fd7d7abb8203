package org.arrowsync.arrowclient;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The synchronous ERP billing export ({@code POST billing/erp/exports/sync}), one page in memory at a time. The page
 * number goes both in the URL query (where the official PHP client puts it) and in the JSON body (where Waldur and the
 * .NET client put it); a page that repeats page 1 means the API read neither and is refused.
 */
final class Exports {

    static final String PATH = "billing/erp/exports/sync";
    /** Arrow's export page size when the response does not say (WALDUR's assumption). */
    static final int DEFAULT_PER_PAGE = 1000;

    /** The page's rows, read straight from the parser (D81); {@code data}'s other fields, its headers, as a tree. */
    private static final LargeField<List<List<String>>> VALUES =
            new LargeField<>(List.of("values", "Values"), Exports::rows);

    private static final LargeField<LargeField.Split<List<List<String>>>> DATA =
            new LargeField<>(List.of("data", "Data"), VALUES::readIfObject);

    private final Transport transport;
    private final Pager pager;

    Exports(Transport transport, Pager pager) {
        this.transport = transport;
        this.pager = pager;
    }

    ExportPage page(ExportQuery query, int page) {
        if (page < 1) {
            throw new IllegalArgumentException("pages start at 1, not " + page);
        }
        return fetch(query, page, null).toExportPage();
    }

    void forEachPage(ExportQuery query, Consumer<ExportPage> consumer) {
        Columns[] known = {null};
        RowsSeen[] first = {null};
        pager.<ExportRow>forEach(
                PATH,
                DEFAULT_PER_PAGE,
                page -> {
                    Fetched fetched = fetch(query, page, known[0]);
                    known[0] = fetched.columns();
                    RowsSeen seen = RowsSeen.of(fetched.page().items());
                    if (page == 1) {
                        first[0] = seen;
                    } else if (seen != null && seen.equals(first[0])) {
                        throw transport
                                .failures()
                                .badResponse(
                                        PATH,
                                        200,
                                        "answered page " + page + " with the rows of page 1: it read the page number"
                                                + " neither from the query nor from the body");
                    }
                    return fetched.page();
                },
                page -> consumer.accept(new Fetched(known[0], page).toExportPage()));
    }

    private Fetched fetch(ExportQuery query, int page, Columns previous) {
        return transport.post(
                PATH,
                Query.empty().with("page", page),
                body(query, page),
                DATA,
                (envelope, data) -> read(envelope, data, page, previous));
    }

    private static Fetched read(
            JsonNode envelope, LargeField.Split<List<List<String>>> data, int page, Columns previous) {
        List<String> headers = data == null ? List.of() : Json.texts(Json.first(data.rest(), "headers", "Headers"));
        List<List<String>> values = data == null || data.value() == null ? List.of() : data.value();
        Columns columns = headers.isEmpty() ? previous : new Columns(headers);
        if (!values.isEmpty() && columns == null) {
            throw new PayloadProblem("returned rows without headers on page " + page);
        }
        List<ExportRow> rows = new ArrayList<>(values.size());
        for (List<String> cells : values) {
            rows.add(new ExportRow(columns, cells));
        }
        return new Fetched(columns, new Pager.Page<>(page, rows, Pagination.of(envelope)));
    }

    /** Each row's cells as text; no rows when {@code values} is no array, no cells in a row that is none. */
    private static List<List<String>> rows(JsonParser parser) {
        List<List<String>> rows = new ArrayList<>(DEFAULT_PER_PAGE);
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return rows;
        }
        int width = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            List<String> cells = new ArrayList<>(width);
            if (parser.currentToken() == JsonToken.START_ARRAY) {
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    cells.add(Json.text(parser));
                }
                width = cells.size();
            } else {
                parser.skipChildren();
            }
            rows.add(cells);
        }
        return rows;
    }

    private JsonNode body(ExportQuery query, int page) {
        ObjectNode body = transport.json().createObjectNode();
        body.put("exportTypeReference", query.exportTypeReference());
        ObjectNode filters = body.putObject("filters");
        ObjectNode period = filters.putObject("reportPeriod");
        period.put("from", query.from().toString());
        period.put("to", query.to().toString());
        array(filters, "classifications", query.classifications());
        array(filters, "customerXspRefs", query.customerXspRefs());
        array(filters, "vendorSubscriptionIds", query.vendorSubscriptionIds());
        body.put("page", page);
        return body;
    }

    private static void array(ObjectNode filters, String name, List<String> values) {
        if (!values.isEmpty()) {
            values.forEach(filters.putArray(name)::add);
        }
    }

    /** A fetched page with the columns its rows use (null before any headers were seen). */
    private record Fetched(Columns columns, Pager.Page<ExportRow> page) {

        ExportPage toExportPage() {
            Integer total = page.pagination().totalPages();
            return new ExportPage(
                    columns == null ? List.of() : columns.headers(),
                    page.items(),
                    page.number(),
                    total == null ? 0 : total,
                    page.warnings(),
                    page.shortened());
        }
    }

    /** Enough of a page to recognise it again: its size and its first and last rows (each has its own Sequence). */
    private record RowsSeen(int size, List<String> first, List<String> last) {

        static RowsSeen of(List<ExportRow> rows) {
            return rows.isEmpty()
                    ? null
                    : new RowsSeen(
                            rows.size(),
                            rows.get(0).cells(),
                            rows.get(rows.size() - 1).cells());
        }
    }
}
