package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * How an export page's JSON becomes rows, through the real client over HTTP: every kind of cell, every spelling and
 * order of the envelope's keys, and the bodies it refuses.
 */
class ExportBodyTests {

    private static final ExportQuery JULY = ExportQuery.forPeriod("E1-2-ccc", YearMonth.of(2024, 7));

    @RegisterExtension
    static final FixtureServer server = new FixtureServer();

    private static final ArrowClient client = server.client();

    @Test
    void everyKindOfCellIsReadAsText() {
        ExportPage page = answer("""
                {"data": {"headers": ["s", "n", "f", "e", "big", "neg", "t", "nul", "o", "a", "empty"],
                  "values": [["x y", 7, 12.50, 1e3, 1e2000, -0.0, true, null, {"k": 1.10, "l": [1, "b"]}, [2, null], ""]]},
                 "pagination": {"totalPages": 1}}
                """);
        assertThat(page.headers()).containsExactly("s", "n", "f", "e", "big", "neg", "t", "nul", "o", "a", "empty");
        assertThat(cells(page, 0))
                .containsExactly(
                        "x y",
                        "7",
                        "12.50",
                        "1000",
                        "1E+2000",
                        "0.0",
                        "true",
                        null,
                        "{\"k\":1.10,\"l\":[1,\"b\"]}",
                        "[2,null]",
                        "");
    }

    @Test
    void theEnvelopeInAnySpellingAndOrder() {
        ExportPage page = answer("""
                {"Pagination": {"TotalPages": 1}, "Data": {"Values": [["1", "2"], ["3"]], "Headers": ["a", "b"]},
                 "Code": 200}
                """);
        assertThat(page.headers()).containsExactly("a", "b");
        assertThat(page.rows()).hasSize(2);
        assertThat(page.rows().get(0).asMap()).containsEntry("a", "1").containsEntry("b", "2");
        assertThat(page.rows().get(1).cell("b")).isNull();
        assertThat(page.totalPages()).isEqualTo(1);
    }

    @Test
    void aNullSpellingGivesWayToTheOther() {
        ExportPage page = answer("""
                {"data": null, "Data": {"headers": null, "Headers": ["a"], "values": null, "Values": [["1"]]}}
                """);
        assertThat(page.headers()).containsExactly("a");
        assertThat(cells(page, 0)).containsExactly("1");
    }

    @Test
    void theLowerCaseSpellingWinsWhenBothAreThere() {
        ExportPage page = answer("""
                {"Data": {"headers": ["upper"], "values": [["U"]]}, "data": {"headers": ["lower"], "values": [["L"]]}}
                """);
        assertThat(page.headers()).containsExactly("lower");
        assertThat(cells(page, 0)).containsExactly("L");
    }

    @Test
    void aRowThatIsNoArrayHasNoCellsAndValuesThatAreNoArrayNoRows() {
        ExportPage page = answer("""
                {"data": {"headers": ["a"], "values": [["1"], {"a": "2"}, "3", null, ["4"]]}}
                """);
        assertThat(page.rows()).hasSize(5);
        assertThat(cells(page, 1)).isEmpty();
        assertThat(cells(page, 2)).isEmpty();
        assertThat(cells(page, 3)).isEmpty();
        assertThat(cells(page, 4)).containsExactly("4");
        assertThat(answer("{\"data\": {\"headers\": [\"a\"], \"values\": {\"0\": [\"1\"]}}}")
                        .rows())
                .isEmpty();
        assertThat(answer("{\"data\": [[\"1\"]]}").rows()).isEmpty();
        assertThat(answer("{\"data\": {\"headers\": [\"a\"]}, \"unknown\": {\"values\": [[\"1\"]]}}")
                        .rows())
                .isEmpty();
    }

    @Test
    void rowsWithoutHeadersAreRefused() {
        assertThatThrownBy(() -> answer("{\"data\": {\"values\": [[\"1\"]]}}"))
                .isInstanceOf(ArrowBadResponse.class)
                .hasMessage("Arrow API billing/erp/exports/sync returned rows without headers on page 1");
    }

    @Test
    void anErrorInTheEnvelopeWinsWhereverItStands() {
        assertThatThrownBy(() -> answer("{\"data\": {\"values\": [[\"1\"]]}, \"code\": 500}"))
                .isInstanceOf(ArrowBadResponse.class)
                .hasMessageContaining("code 500");
        assertThatThrownBy(() -> answer("{\"status\": 401, \"data\": {\"headers\": [\"a\"], \"values\": [[\"1\"]]}}"))
                .isInstanceOf(ArrowUnauthorized.class);
    }

    @Test
    void bodiesThatAreNoJsonObjectAreInvalid() {
        for (String body : List.of(
                "{\"data\": {\"headers\": [\"a\"], \"values\": [[\"1\"], [\"2\"",
                "{\"data\": {\"headers\": [\"a\"], \"values\": [[\"1\"]]}} {}",
                "{\"data\": {\"headers\": [\"a\"], \"values\": [[\"1\" \"2\"]]}}",
                "[{\"data\": {}}]",
                "null",
                "\"data\"",
                "")) {
            assertThatThrownBy(() -> answer(body), body)
                    .isInstanceOf(ArrowBadResponse.class)
                    .hasMessage("Arrow API billing/erp/exports/sync returned invalid JSON (status 200)");
        }
    }

    @Test
    void rowsNestedDeeperThanTheClientReadsAreInvalid() {
        String deep = "[".repeat(1000) + "]".repeat(1000);
        assertThatThrownBy(() -> answer("{\"data\": {\"headers\": [\"a\"], \"values\": [[" + deep + "]]}}"))
                .isInstanceOf(ArrowBadResponse.class)
                .hasMessage("Arrow API billing/erp/exports/sync returned invalid JSON (status 200)");
    }

    @Test
    void onlyTheColumnsAskedForAreRead() {
        String body = """
                {"data": {"headers": ["Sequence", "Description", "Customer Total Price", "Segment", "Qty"],
                  "values": [["S-1", "a long description", "4.56780", {"x": 1}, 2], ["S-2", "another", "1.5", null]]},
                 "pagination": {"totalPages": 1}}
                """;
        server.answer("POST", Exports.PATH, body);
        List<ExportPage> pages = new ArrayList<>();
        client.forEachExportPage(JULY, Set.of("Customer Total Price", "Qty", "Not Sent"), pages::add);
        ExportRow row = pages.get(0).rows().get(0);
        assertThat(cells(pages.get(0), 0)).containsExactly("S-1", null, "4.56780", null, "2");
        assertThat(cells(pages.get(0), 1)).containsExactly("S-2", null, "1.5", null);
        assertThat(row.asMap()).containsOnlyKeys("Sequence", "Customer Total Price", "Qty");
        assertThat(row.hasColumn("Description")).isTrue();
        assertThatThrownBy(() -> row.cell("Description"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'Description' was not read");
        assertThat(row.cell("Not Sent")).isNull();

        List<ExportPage> whole = new ArrayList<>();
        client.forEachExportPage(JULY, whole::add);
        assertThat(cells(whole.get(0), 0)).containsExactly("S-1", "a long description", "4.56780", "{\"x\":1}", "2");
        assertThat(readingBillingLines(body).rows().get(0).billingLine())
                .isEqualTo(whole.get(0).rows().get(0).billingLine());
    }

    @Test
    void rowsBeforeTheirHeadersAreReadWhole() {
        ExportPage page = readingBillingLines("""
                {"data": {"values": [["S-1", "Brussels"]], "headers": ["Sequence", "End User City"]}}
                """);
        assertThat(cells(page, 0)).containsExactly("S-1", "Brussels");
        assertThatThrownBy(() -> page.rows().get(0).cell("End User City")).isInstanceOf(IllegalStateException.class);
        assertThat(page.rows().get(0).billingLine().line().lineReference()).isEqualTo("S-1");
    }

    @Test
    void twoHeaderRowsAroundTheRowsAreRefusedWhenTheyChoseTheCellsRead() {
        String body = """
                {"data": {"Headers": ["Sequence", "Description"], "values": [["S-1", "d"]],
                          "headers": ["Description", "Sequence"]}}
                """;
        assertThatThrownBy(() -> readingBillingLines(body))
                .isInstanceOf(ArrowBadResponse.class)
                .hasMessage("Arrow API billing/erp/exports/sync returned two different header rows on page 1");
        assertThat(answer(body).rows().get(0).cell("Sequence")).isEqualTo("d");
    }

    @Test
    void pagesReadInPartAreStillToldApartByTheirLineReferences() {
        for (int page = 1; page <= 2; page++) {
            server.answer("POST", Exports.PATH, page, """
                    {"data": {"headers": ["Sequence", "Classification"], "values": [["S-%d", "IAAS"]]},
                     "pagination": {"totalPages": 2}}
                    """.formatted(page));
        }
        List<ExportPage> pages = new ArrayList<>();
        client.forEachExportPage(JULY, Set.of("Classification"), pages::add);
        assertThat(pages)
                .extracting(page -> page.rows().get(0).cell("Sequence"))
                .containsExactly("S-1", "S-2");
        server.answer("POST", Exports.PATH, 2, """
                {"data": {"headers": ["Sequence", "Classification"], "values": [["S-1", "IAAS"]]},
                 "pagination": {"totalPages": 2}}
                """);
        assertThatThrownBy(() -> client.forEachExportPage(JULY, Set.of("Classification"), page -> {}))
                .isInstanceOf(ArrowBadResponse.class)
                .hasMessageContaining("answered page 2 with the rows of page 1");
    }

    /** A page sent again in another's place would read as lines Arrow removed: the export is refused. */
    @Test
    void aPageThatRepeatsAnEarlierOneIsRefused() {
        for (int page = 1; page <= 4; page++) {
            int rows = page == 3 ? 2 : page;
            server.answer("POST", Exports.PATH, page, """
                    {"data": {"headers": ["Sequence"], "values": [["S-%d-a"], ["S-%d-b"]]},
                     "pagination": {"totalPages": 4}}
                    """.formatted(rows, rows));
        }

        assertThatThrownBy(() -> client.forEachExportPage(JULY, page -> {}))
                .isInstanceOf(ArrowBadResponse.class)
                .hasMessage("Arrow API billing/erp/exports/sync answered page 3 with the rows of page 2: rows of the"
                        + " export are missing in its place");
    }

    /** The single page of {@code body} as the sync reads it: only the columns of a billing line. */
    private static ExportPage readingBillingLines(String body) {
        server.answer("POST", Exports.PATH, body);
        List<ExportPage> pages = new ArrayList<>();
        client.forEachExportPage(JULY, BillingLine.COLUMNS, pages::add);
        return pages.get(0);
    }

    private static ExportPage answer(String body) {
        server.answer("POST", Exports.PATH, body);
        return client.exportPage(JULY, 1);
    }

    private static List<String> cells(ExportPage page, int row) {
        return Arrays.asList(page.rows().get(row).cells().toArray(String[]::new));
    }
}
