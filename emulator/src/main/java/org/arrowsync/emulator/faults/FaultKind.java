package org.arrowsync.emulator.faults;

import java.util.Arrays;

/** What an injected fault does to a response; {@code wire} is the name used in the control API. */
public enum FaultKind {
    /** The key lacks the permission (real accounts without the statements right answer so). */
    FORBIDDEN("403", 403),
    /** The endpoint does not exist for this account. */
    NOT_FOUND("404", 404),
    TOO_MANY_REQUESTS("429", 429),
    INTERNAL_ERROR("500", 500),
    BAD_GATEWAY("502", 502),
    UNAVAILABLE("503", 503),
    LATENCY("latency", 0),
    MALFORMED_JSON("malformed_json", 0),
    ERROR_BODY_200("error_body_200", 200),
    SHORT_PAGE("short_page", 0),
    /**
     * A table's last page (after the first) as it is answered once a line of an earlier page was removed: its first row
     * has moved to the page before, which was already read, and the pagination's total is one less.
     */
    SHIFTED_PAGE("shifted_page", 0),
    /** The licenses found name their customer by its bare Ref ({@code 700001}), as exports do, not its reference. */
    BARE_REFS("bare_refs", 0),
    /** The pagination says page 0, as a recorded licenses answer does. */
    PAGE_ZERO("page_zero", 0),
    /** The first row's price cells hold the text {@code "null"}. */
    NULL_CELLS("null_cells", 0),
    /** Every row's price cells are blank, as the official Node client's consumption mock has its one line. */
    NO_PRICES("no_prices", 0),
    /** The table has no price column at all, as a template a partner made without Arrow's totals has none. */
    NO_PRICE_COLUMNS("no_price_columns", 0),
    /** A table without rows or headers, its pagination saying none: an export of a month without lines may come so. */
    EMPTY_TABLE("empty_table", 0),
    /** Every row has more cells than headers, text and numbers mixed, as an official consumption fixture has. */
    EXTRA_CELLS("extra_cells", 0),
    /** No {@code status} in the envelope nor on statements, as most official fixtures have. */
    MISSING_STATUS("missing_status", 0),
    /** The call is answered as if it had no query parameters and no paging in its body. */
    IGNORE_PARAMETERS("ignore_parameters", 0),
    /** From page 3 on, each page is answered as the page before, as a cache that mixed pages up would. */
    PAGE_BEFORE("page_before", 0),
    /**
     * Rows tied in the export's sort come in another order on each query: from page 2 on, a page begins with the last
     * row of the page before and leaves out its own last row, which no page lists; every count stays as it is (D243).
     */
    TIED_ROWS("tied_rows", 0),
    /**
     * An export pages by a hundred rows, fewer than asked, and its answer carries no pagination: no source documents
     * the export's page size, and an answer may say nothing of its pages (D280).
     */
    UNSTATED_PAGES("unstated_pages", 0),
    /** The answer as an API that pages nothing: it reads none of the parameters and carries no pagination (D280). */
    UNPAGED("unpaged", 0),
    /** A month filter starts a month early: the month before's export lines, or statements, are listed too. */
    MONTH_BEFORE_TOO("month_before_too", 0),
    /** HTTP 200 at once, then the answer one byte every {@code latencyMs}: a read timeout never fires. */
    DRIP("drip", 0),
    /** HTTP 200 with a JSON answer of {@code sizeMb} megabytes, generated as it is sent. */
    HUGE("huge", 0),
    /** HTTP 200, {@code application/json}, and bytes that are no JSON at all (NULs, invalid UTF-8). */
    GARBAGE("garbage", 0),
    /**
     * The status line, the headers and half of the body announced, then the connection closed: the answer breaks off as
     * when the connection is reset mid-answer.
     */
    RESET("reset", 0);

    private final String wire;
    private final int httpStatus;

    FaultKind(String wire, int httpStatus) {
        this.wire = wire;
        this.httpStatus = httpStatus;
    }

    public String wire() {
        return wire;
    }

    /** The status an error fault answers with; 0 for faults that alter a normal response. */
    public int httpStatus() {
        return httpStatus;
    }

    public boolean replacesResponse() {
        return httpStatus >= 400;
    }

    public static FaultKind parse(String wire) {
        return Arrays.stream(values())
                .filter(k -> k.wire.equals(wire))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault kind: " + wire));
    }
}
