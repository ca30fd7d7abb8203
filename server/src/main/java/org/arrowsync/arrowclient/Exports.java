package org.arrowsync.arrowclient;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The synchronous ERP billing export ({@code POST billing/erp/exports/sync}), one page in memory at a time. The page
 * number goes both in the URL query (where the official PHP client puts it) and in the JSON body (where Waldur and the
 * .NET client put it); a page that repeats page 1 means the API read neither, and one that repeats another page stands
 * where other rows should be: either is refused.
 */
final class Exports {

    private static final Logger log = LoggerFactory.getLogger(ArrowClient.class);

    static final String PATH = "billing/erp/exports/sync";
    /**
     * Arrow's largest export page (WALDUR's assumption). The client asks for no page size, as the official ones do not,
     * so a page shorter than this ends nothing unless the pagination says so (D280).
     */
    static final int DEFAULT_PER_PAGE = 1000;
    /**
     * The dates' output format asked for ({@code outputFormat.date}, one of the three the official PHP client allows):
     * no source says which form Arrow writes when none is asked for, and a dashed date is read day first (D126).
     */
    static final String DATE_FORMAT = "DD-MM-YYYY";

    private static final List<String> DATA = List.of("data", "Data");
    private static final List<String> HEADERS = List.of("headers", "Headers");
    private static final List<String> VALUES = List.of("values", "Values");

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
        return fetch(query, null, page, null).toExportPage();
    }

    /**
     * Every page in turn; of each row only the cells of {@code read} (with the line reference's, which tells a page
     * repeated) are made into text when the page sends its headers before its rows, as Arrow does (D81); null reads
     * them all. Without Sequence, the lines of one order are numbered as they come ({@link OrderLines}, D190).
     */
    void forEachPage(ExportQuery query, Set<String> read, Consumer<ExportPage> consumer) {
        Set<String> reading = read == null
                ? null
                : Stream.concat(read.stream(), Stream.of(BillingLine.REFERENCE)).collect(Collectors.toSet());
        Columns[] known = {null};
        // each page's first and last rows (two rows a page, a few megabytes at a million lines): a page sent twice
        // stands where another's rows should be, which would otherwise read as lines Arrow removed
        Map<RowsSeen, Integer> earlier = new HashMap<>();
        OrderLines orders = new OrderLines();
        RowsReadAgain again = new RowsReadAgain();
        pager.<ExportRow>forEach(
                PATH,
                DEFAULT_PER_PAGE,
                false,
                page -> {
                    Fetched fetched = fetch(query, reading, page, known[0]);
                    known[0] = fetched.columns();
                    RowsSeen seen = RowsSeen.of(fetched.page().items());
                    Integer same = seen == null ? null : earlier.putIfAbsent(seen, page);
                    if (same != null && same == 1 && page == 2 && pagesNothing(fetched.page())) {
                        // an export that says nothing of pages and answers page 2 as page 1: page 1 was all of it
                        return new Pager.Page<>(page, List.of(), fetched.page().pagination());
                    }
                    if (same != null && same != page) { // a short page is asked for again (D60)
                        throw transport
                                .failures()
                                .badResponse(
                                        PATH,
                                        200,
                                        "answered page " + page + " with the rows of page " + same + ": "
                                                + (same == 1
                                                        ? "it read the page number neither from the query nor from the body"
                                                        : "rows of the export are missing in its place"));
                    }
                    return fetched.page();
                },
                page -> {
                    ExportPage exported = new Fetched(known[0], page).toExportPage();
                    Optional<String> reordered = again.check(page.number(), page.items(), page.pagination());
                    if (reordered.isPresent()) {
                        String warning = transport.failures().scrub("Arrow API " + PATH + " " + reordered.get());
                        log.warn("{}", warning);
                        exported = RowsReadAgain.missingRows(exported, warning);
                    }
                    consumer.accept(orders.number(exported));
                });
    }

    private Fetched fetch(ExportQuery query, Set<String> read, int page, Columns previous) {
        return transport.post(
                PATH,
                Query.empty().with("page", page),
                body(query, page),
                new LargeField<>(DATA, parser -> data(parser, read)),
                (envelope, data) -> read(envelope, data == null ? Data.NONE : data, page, previous));
    }

    private static Fetched read(JsonNode envelope, Data data, int page, Columns previous) {
        Columns columns = data.columns() == null || data.columns().headers().isEmpty() ? previous : data.columns();
        if (!data.rows().isEmpty() && columns == null) {
            throw new PayloadProblem("returned rows without headers on page " + page);
        }
        if (data.rowsReadWith() != null && !data.rowsReadWith().headers().equals(columns.headers())) {
            // only when both spellings of the headers came, differing, one of them before the rows
            throw new PayloadProblem("returned two different header rows on page " + page);
        }
        List<ExportRow> rows = new ArrayList<>(data.rows().size());
        for (List<String> cells : data.rows()) {
            rows.add(new ExportRow(columns, cells));
        }
        return new Fetched(columns, new Pager.Page<>(page, rows, Pagination.of(envelope)));
    }

    /**
     * A page's {@code data}: the header row it sent (null when none), its rows' cells, and the header row that chose
     * which cells were read (null when all were).
     */
    private record Data(Columns columns, List<List<String>> rows, Columns rowsReadWith) {

        static final Data NONE = new Data(null, List.of(), null);
    }

    /** The header row and rows of one page's cells, as they come in {@code data}. */
    private record Rows(List<List<String>> cells, Columns readWith) {}

    /**
     * Reads {@code data}, the parser on its first token. Its rows come as text cell by cell; when its headers come
     * first (as Arrow sends them) and name columns not in {@code read}, those cells are skipped and left null. Anything
     * but an object is no data; each key's first spelling with a non-null value counts, as {@link Json#first} has it.
     */
    private static Data data(JsonParser parser, Set<String> read) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return Data.NONE;
        }
        Map<String, Columns> headers = new HashMap<>();
        Map<String, Rows> values = new HashMap<>();
        for (String name = parser.nextName(); name != null; name = parser.nextName()) {
            JsonToken token = parser.nextToken();
            if (token == JsonToken.VALUE_NULL) {
                headers.remove(name);
                values.remove(name);
            } else if (HEADERS.contains(name)) {
                List<String> sent = Json.texts(parser.readValueAsTree());
                // without Sequence every cell tells a line of an order from another (OrderLines): all are read
                headers.put(name, new Columns(sent, sent.contains(OrderLines.SEQUENCE) ? read : null));
            } else if (VALUES.contains(name)) {
                Columns sent = LargeField.first(headers, HEADERS);
                Columns readWith =
                        read == null || sent == null || sent.headers().isEmpty() ? null : sent;
                values.put(name, new Rows(rows(parser, readWith), readWith));
            } else {
                parser.skipChildren();
            }
        }
        Rows rows = LargeField.first(values, VALUES);
        Columns sent = LargeField.first(headers, HEADERS);
        return rows == null || rows.cells().isEmpty()
                ? new Data(sent, List.of(), null)
                : new Data(sent, rows.cells(), rows.readWith());
    }

    /**
     * Each row's cells: as text, but null where {@code readWith} does not read the column (all are read when it is
     * null); no rows when {@code values} is no array, no cells in a row that is none.
     */
    private static List<List<String>> rows(JsonParser parser, Columns readWith) {
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>(DEFAULT_PER_PAGE);
        int width = 0;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            List<String> cells = new ArrayList<>(width);
            if (parser.currentToken() == JsonToken.START_ARRAY) {
                for (int at = 0; parser.nextToken() != JsonToken.END_ARRAY; at++) {
                    if (readWith == null || readWith.reads(at)) {
                        cells.add(Json.text(parser));
                    } else {
                        parser.skipChildren();
                        cells.add(null);
                    }
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
        body.putObject("outputFormat").put("date", DATE_FORMAT);
        body.put("page", page);
        return body;
    }

    private static void array(ObjectNode filters, String name, List<String> values) {
        if (!values.isEmpty()) {
            values.forEach(filters.putArray(name)::add);
        }
    }

    /**
     * Whether an export's answer says nothing of its pages and holds fewer rows than Arrow's largest page: one that
     * answers every page with all its rows (D280).
     */
    private static boolean pagesNothing(Pager.Page<ExportRow> page) {
        return !page.pagination().reported() && page.items().size() < DEFAULT_PER_PAGE;
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
