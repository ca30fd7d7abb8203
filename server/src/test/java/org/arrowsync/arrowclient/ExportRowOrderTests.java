package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * D243: Arrow's export is paged by number and nothing says its order holds from one page's query to the next. A row met
 * again on a later page while the listing did not grow means another was never read: its page counts as missing rows,
 * so no reader takes that row for one Arrow removed. Through the real client over HTTP.
 */
class ExportRowOrderTests {

    private static final ExportQuery JULY = ExportQuery.forPeriod("E1-2-ccc", YearMonth.of(2024, 7));
    private static final String HEADERS = "[\"Sequence\",\"End User Company Name\",\"Customer Total Price\","
            + "\"Total Wholesale Price\",\"Report Period\",\"ARS Subscription ID\"]";

    @RegisterExtension
    static final FixtureServer server = new FixtureServer();

    @Test
    void aRowOfThePageBeforeListedAgainWhileTheTotalStaysMeansRowsAreMissing() {
        // S1..S4 throughout; page 2's query orders the tied rows otherwise: S2 again, S3 never
        answer(1, 4, "S1", "S2");
        answer(2, 4, "S2", "S4");

        List<ExportPage> pages = read();

        assertThat(pages).extracting(ExportPage::shortened).containsExactly(false, true);
        assertThat(pages.get(1).warnings())
                .containsExactly(
                        "Arrow API " + Exports.PATH + " listed line S2 of page 1 again on page 2 while it still"
                                + " counted 4 items: its rows came in another order from one page to the next, and as many rows"
                                + " as it listed twice were never read");
    }

    @Test
    void aRowListedAgainOnceTheListingGrewMovedForward() {
        // S0 added before page 2 was read: S2 moves onto page 2, read twice, and nothing is skipped (D182)
        answer(1, 4, "S1", "S2");
        answer(2, 5, "S2", "S3");
        answer(3, 5, "S4");

        assertThat(read()).extracting(ExportPage::shortened).containsExactly(false, false, false);
    }

    @Test
    void moreRowsListedAgainThanTheListingGrewByMeansRowsAreMissing() {
        // S0 added before page 2 was read moves S3 onto page 2, and page 2's query orders the tied rows otherwise
        // too: S2 and S3 listed again, S5 never
        answer(1, 6, 3, "S1", "S2", "S3");
        answer(2, 7, 3, "S2", "S3", "S4");
        answer(3, 7, 3, "S6");

        List<ExportPage> pages = read();

        assertThat(pages).extracting(ExportPage::shortened).containsExactly(false, true, false);
        assertThat(pages.get(1).warnings())
                .singleElement()
                .asString()
                .contains("listed line S2 of page 1 again on page 2 (2 rows listed again so far) while it counted 1"
                        + " more than page 1");
    }

    @Test
    void aLineListedTwiceWithinOnePageIsNoSignOfRowsMissing() {
        answer(1, 4, "S1", "S1");
        answer(2, 4, "S3", "S4");

        assertThat(read()).extracting(ExportPage::shortened).containsExactly(false, false);
    }

    private static List<ExportPage> read() {
        List<ExportPage> pages = new ArrayList<>();
        server.client().forEachExportPage(JULY, pages::add);
        return pages;
    }

    /** Page {@code page} of a listing of {@code total} lines, two a page, with these Sequences. */
    private static void answer(int page, int total, String... sequences) {
        answer(page, total, 2, sequences);
    }

    /** Page {@code page} of a listing of {@code total} lines, {@code perPage} a page, with these Sequences. */
    private static void answer(int page, int total, int perPage, String... sequences) {
        List<String> rows = new ArrayList<>();
        for (String sequence : sequences) {
            rows.add("[\"" + sequence + "\",\"Example Corp\",\"10.00000\",\"9.00000\",\"2024-07\",\"XSP1\"]");
        }
        server.answer(
                "POST",
                Exports.PATH,
                page,
                "{\"data\":{\"headers\":" + HEADERS + ",\"values\":[" + String.join(",", rows)
                        + "]},\"pagination\":{\"perPage\":" + perPage + ",\"currentPage\":" + page
                        + ",\"total\":" + total + ",\"totalPages\":" + ((total + perPage - 1) / perPage) + "}}");
    }
}
