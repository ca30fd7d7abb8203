package org.arrowsync.emulator.http;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.arrowsync.emulator.faults.Fault;
import org.arrowsync.emulator.faults.FaultKind;

/** What each fault kind does to a response; every faulted response names its kind in a header. */
final class FaultResponses {

    /** Cells appended by extra_cells: text and a number, as the official consumption fixture's surplus cells are. */
    private static final List<Object> EXTRA = List.of("westeurope", new BigDecimal("0.0177867"), "production");

    private FaultResponses() {}

    static boolean replaces(Fault fault) {
        return fault.kind().replacesResponse() || fault.kind() == FaultKind.ERROR_BODY_200;
    }

    static Response replacement(Fault fault) {
        Response response;
        if (fault.kind() == FaultKind.ERROR_BODY_200) {
            // Waldur's tests simulate exactly this: HTTP 200 whose body says the call failed.
            response = Response.json(
                    200,
                    Json.obj(
                            "status",
                            fault.bodyStatus(),
                            "message",
                            fault.bodyStatus() == 401 ? "Unauthorized" : "Error"));
        } else {
            int status = fault.kind().httpStatus();
            response = Response.error(
                    status,
                    switch (status) {
                        case 403 -> "Forbidden";
                        case 404 -> "Not Found";
                        case 429 -> "Too Many Requests";
                        case 502 -> "Bad Gateway";
                        case 503 -> "Service Unavailable";
                        default -> "Internal Server Error";
                    },
                    "EMULATOR_FAULT_" + status);
            if (status == 429) {
                response = response.withHeader("Retry-After", Integer.toString(fault.retryAfterSeconds()));
            }
        }
        return response.withHeader(ApiHandler.FAULT_HEADER, fault.kind().wire());
    }

    static void delay(Fault fault) {
        if (fault.kind() != FaultKind.LATENCY) {
            return;
        }
        try {
            Thread.sleep(fault.latencyMs());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The request as the faulted API reads it. */
    static Request rewrite(Fault fault, Request request) {
        return switch (fault.kind()) {
            case IGNORE_PARAMETERS -> request.withoutParameters();
            case PAGE_BEFORE -> request.forThePageBefore();
            case TIED_ROWS -> request.withTiesReordered();
            case UNSTATED_PAGES -> request.withOwnPageSize();
            case UNPAGED -> request.withoutParameters();
            case MONTH_BEFORE_TOO -> request.withMonthBeforeToo();
            default -> request;
        };
    }

    @SuppressWarnings("unchecked")
    static Response alter(Fault fault, Response normal) {
        Response marked =
                normal.withHeader(ApiHandler.FAULT_HEADER, fault.kind().wire());
        switch (fault.kind()) {
            case DRIP -> {
                byte[] bytes = normal.bytes();
                return Response.streamed(normal.status(), out -> drip(bytes, fault.latencyMs(), out))
                        .withHeader(ApiHandler.FAULT_HEADER, fault.kind().wire());
            }
            case HUGE -> {
                return Response.streamed(200, out -> huge(fault.sizeMb(), out))
                        .withHeader(ApiHandler.FAULT_HEADER, fault.kind().wire());
            }
            case GARBAGE -> {
                return marked.withRaw(garbage());
            }
            case RESET -> {
                return marked.cutHalfway();
            }
            default -> {
                // the faults below alter the answer's content
            }
        }
        if (fault.kind() == FaultKind.MALFORMED_JSON) {
            byte[] bytes = normal.bytes();
            String cut = new String(bytes, StandardCharsets.UTF_8).substring(0, Math.max(1, bytes.length / 2));
            return marked.withRaw((cut + "<html>").getBytes(StandardCharsets.UTF_8));
        }
        if (normal.body() instanceof Map<?, ?> map) {
            Map<String, Object> body = (Map<String, Object>) map;
            switch (fault.kind()) {
                case SHORT_PAGE -> shorten(body);
                case SHIFTED_PAGE -> shift(body);
                case BARE_REFS -> bareRefs(body);
                case PAGE_ZERO -> pageZero(body);
                case NULL_CELLS -> priceCells(body, 1, "null");
                case NO_PRICES -> priceCells(body, Integer.MAX_VALUE, "");
                case NO_PRICE_COLUMNS -> withoutPriceColumns(body);
                case EMPTY_TABLE -> emptyTable(body);
                case EXTRA_CELLS -> extraCells(body);
                case MISSING_STATUS -> withoutStatus(body);
                case UNSTATED_PAGES, UNPAGED -> {
                    body.remove("pagination");
                    body.remove("Pagination");
                }
                default -> {
                    // latency, ignore_parameters, page_before and tied_rows leave the response as it is
                }
            }
        }
        return marked;
    }

    /** One byte at a time, {@code intervalMs} apart, until the answer is out or the client hangs up. */
    private static void drip(byte[] bytes, long intervalMs, OutputStream out) throws IOException {
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            try {
                Thread.sleep(intervalMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A well-formed JSON answer of {@code sizeMb} megabytes, written in chunks: never held in memory. */
    private static void huge(long sizeMb, OutputStream out) throws IOException {
        out.write("{\"status\":200,\"data\":{\"padding\":\"".getBytes(StandardCharsets.US_ASCII));
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        for (long written = 0; written < sizeMb * 1024 * 1024; written += chunk.length) {
            out.write(chunk);
        }
        out.write("\"}}".getBytes(StandardCharsets.US_ASCII));
    }

    /** Bytes no JSON parser reads: NULs, invalid UTF-8, control characters, the same every time. */
    private static byte[] garbage() {
        byte[] bytes = new byte[4096];
        new Random(4711).nextBytes(bytes);
        bytes[0] = 0;
        bytes[1] = (byte) 0xff;
        return bytes;
    }

    /** Halves the largest list of rows in {@code data} (not the headers), leaving the pagination untouched. */
    @SuppressWarnings("unchecked")
    private static void shorten(Map<String, Object> body) {
        Object data = body.get("data");
        if (data instanceof List<?> list) {
            body.put("data", half(list));
        } else if (data instanceof Map<?, ?> map) {
            Map<String, Object> fields = (Map<String, Object>) map;
            fields.entrySet().stream()
                    .filter(e -> isRows(e.getValue()))
                    .max(Comparator.comparingInt(e -> ((List<?>) e.getValue()).size()))
                    .ifPresent(e -> e.setValue(half((List<?>) e.getValue())));
        }
        if (body.get("results") instanceof List<?> results) {
            body.put("results", half(results));
        }
    }

    /**
     * The last page of a table, as answered once a line of an earlier page is gone: its first row left for the page
     * before, the total one less, the count of pages as that total gives it. Other pages are left as they are (a page
     * before the last would take the next page's first row, which this answer does not have).
     */
    @SuppressWarnings("unchecked")
    private static void shift(Map<String, Object> body) {
        Table table = Table.of(body);
        if (table == null
                || table.rows().isEmpty()
                || !(body.get("pagination") instanceof Map<?, ?> pagination)
                || !(pagination.get("currentPage") instanceof Integer page)
                || page < 2
                || !page.equals(pagination.get("totalPages"))
                || !(pagination.get("total") instanceof Number total)
                || !(pagination.get("perPage") instanceof Integer perPage)) {
            return;
        }
        table.rows().remove(0);
        Map<String, Object> keys = (Map<String, Object>) pagination;
        long shrunk = total.longValue() - 1;
        keys.put("total", shrunk);
        keys.put("totalPages", (int) Math.max(1, (shrunk + perPage - 1) / perPage));
    }

    /** Each license found names its customer by its bare Ref: {@code customer_ref} without its {@code XSP}. */
    @SuppressWarnings("unchecked")
    private static void bareRefs(Map<String, Object> body) {
        if (!(body.get("results") instanceof List<?> results)) {
            return;
        }
        for (Object result : results) {
            if (result instanceof Map<?, ?> found && found.get("license") instanceof Map<?, ?> license) {
                ((Map<String, Object>) license)
                        .computeIfPresent(
                                "customer_ref",
                                (key, reference) -> reference.toString().replaceFirst("^XSP", ""));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static void pageZero(Map<String, Object> body) {
        if (body.get("pagination") instanceof Map<?, ?> pagination) {
            Map<String, Object> keys = (Map<String, Object>) pagination;
            for (String key : List.of("current_page", "currentPage")) {
                keys.computeIfPresent(key, (k, v) -> 0);
            }
        }
    }

    /**
     * The first {@code rows} rows of a table ({@code headers} + {@code lines} or {@code values}): their price cells
     * hold {@code value}.
     */
    private static void priceCells(Map<String, Object> body, int rows, String value) {
        Table table = Table.of(body);
        if (table == null) {
            return;
        }
        for (int r = 0; r < Math.min(rows, table.rows().size()); r++) {
            List<Object> row = new ArrayList<>(table.rows().get(r));
            for (int i = 0; i < Math.min(row.size(), table.headers().size()); i++) {
                if (isPrice(table.headers().get(i))) {
                    row.set(i, value);
                }
            }
            table.rows().set(r, row);
        }
    }

    /** The table without its price columns, headers and cells: a template chosen without Arrow's amounts. */
    private static void withoutPriceColumns(Map<String, Object> body) {
        Table table = Table.of(body);
        if (table == null) {
            return;
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < table.headers().size(); i++) {
            if (!isPrice(table.headers().get(i))) {
                kept.add(i);
            }
        }
        table.data().put("headers", kept.stream().map(table.headers()::get).toList());
        table.rows()
                .replaceAll(row -> kept.stream()
                        .filter(i -> i < row.size())
                        .map(row::get)
                        .collect(Collectors.toCollection(ArrayList::new)));
    }

    /** The table without rows or headers, its pagination saying so: an export of a month without lines may come so. */
    @SuppressWarnings("unchecked")
    private static void emptyTable(Map<String, Object> body) {
        Table table = Table.of(body);
        if (table == null) {
            return;
        }
        table.data().put("headers", List.of());
        table.rows().clear();
        if (body.get("pagination") instanceof Map<?, ?> pagination) {
            Map<String, Object> keys = (Map<String, Object>) pagination;
            keys.put("total", 0);
            keys.put("totalPages", 1);
        }
    }

    private static boolean isPrice(Object header) {
        String name = String.valueOf(header).toLowerCase(Locale.ROOT);
        return name.contains("price") || name.contains("total") || name.contains(" unit");
    }

    private static void extraCells(Map<String, Object> body) {
        Table table = Table.of(body);
        if (table == null) {
            return;
        }
        for (int i = 0; i < table.rows().size(); i++) {
            List<Object> row = new ArrayList<>(table.rows().get(i));
            row.addAll(EXTRA);
            table.rows().set(i, row);
        }
    }

    @SuppressWarnings("unchecked")
    private static void withoutStatus(Map<String, Object> body) {
        body.remove("status");
        if (body.get("data") instanceof Map<?, ?> data) {
            if (data.get("billingStatement") instanceof Map<?, ?> one) {
                ((Map<String, Object>) one).remove("status");
            }
            if (data.get("billingStatements") instanceof List<?> all) {
                all.forEach(statement -> ((Map<String, Object>) statement).remove("status"));
            }
        }
    }

    /** The headers and (mutable) rows of a tabular answer. */
    private record Table(Map<String, Object> data, List<?> headers, List<List<Object>> rows) {

        @SuppressWarnings("unchecked")
        static Table of(Map<String, Object> body) {
            if (!(body.get("data") instanceof Map<?, ?> data) || !(data.get("headers") instanceof List<?> headers)) {
                return null;
            }
            Map<String, Object> fields = (Map<String, Object>) data;
            String key = fields.containsKey("lines") ? "lines" : "values";
            List<List<Object>> rows = new ArrayList<>((List<List<Object>>) fields.getOrDefault(key, List.of()));
            fields.put(key, rows);
            return new Table(fields, headers, rows);
        }
    }

    private static boolean isRows(Object value) {
        return value instanceof List<?> list && !list.isEmpty() && !(list.get(0) instanceof String);
    }

    private static List<?> half(List<?> list) {
        return new ArrayList<>(list.subList(0, list.size() / 2));
    }
}
