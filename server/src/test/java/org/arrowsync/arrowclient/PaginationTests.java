package org.arrowsync.arrowclient;

import static org.arrowsync.arrowclient.TestJson.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PaginationTests {

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                // customers, orders, licenses list
                "{'per_page':100,'current_page':2,'total_page':5,'total':420}   | 2    | 100  | 5    | 420",
                // licenses v2/find
                "{'perPage':50,'currentPage':3,'totalPage':4}                   | 3    | 50   | 4    | NULL",
                // billing statements and ERP export
                "{'perPage':1000,'currentPage':1,'totalPages':7,'total':6500}   | 1    | 1000 | 7    | 6500",
                // numbers as strings
                "{'perPage':'1000','currentPage':'2','totalPages':'3'}          | 2    | 1000 | 3    | NULL",
                // DOTNET's PascalCase recording
                "{'PerPage':1000,'CurrentPage':1,'TotalPages':1,'Total':8}      | 1    | 1000 | 1    | 8",
                // DOTNET's licenses recording: page 0 means not reported
                "{'Per_Page':15,'Current_Page':0,'Total_Page':1,'Total':5}      | NULL | 15   | 1    | 5",
                "{}                                                              | NULL | NULL | NULL | NULL",
            })
    void readsEveryKeySpelling(String pagination, Integer current, Integer perPage, Integer totalPages, Long total) {
        String body = "{'status':200,'pagination':" + pagination + "}";
        Pagination read = Pagination.of(json(body));
        assertThat(read).isEqualTo(new Pagination(current, perPage, totalPages, total));
    }

    @ParameterizedTest(name = "page {0}, {1} items ({2} read), perPage {3}, totalPages {4}, total {5} -> last {6}")
    @CsvSource(
            nullValues = "NULL",
            value = {
                // an empty page before the declared last page ends nothing (D301); without a count of pages it ends
                "1, 0,   0,   100,  5,    NULL, false",
                "1, 0,   0,   100,  5,    420,  false",
                "2, 0,   100, 100,  NULL, 420,  true",
                "2, 0,   100, 100,  NULL, NULL, true",
                "1, 100, 100, 100,  5,    NULL, false",
                "5, 100, 500, 100,  5,    NULL, true",
                "5, 7,   407, 100,  5,    NULL, true",
                "2, 7,   107, 100,  5,    NULL, false",
                "1, 2,   2,   100,  1,    5,    true",
                "2, 30,  130, 100,  NULL, 150,  false",
                "1, 100, 100, 100,  NULL, 150,  false",
                "2, 50,  150, 100,  NULL, 150,  true",
                "1, 100, 100, NULL, NULL, NULL, false",
                "3, 99,  299, NULL, NULL, NULL, true",
                "3, 99,  299, 1000, NULL, NULL, true",
                "9, 100, 900, 100,  3,    NULL, true",
                // a total alone: read until that many items came, whatever each page holds (an API paging by 2 unasked)
                "1, 2,   2,   NULL, NULL, 5,    false",
                "2, 2,   4,   NULL, NULL, 5,    false",
                "3, 1,   5,   NULL, NULL, 5,    true",
            })
    void stopsOnAnEmptyPageOrTheDeclaredLastPage(
            int page, int items, long read, Integer perPage, Integer totalPages, Long total, boolean last) {
        assertThat(new Pagination(page, perPage, totalPages, total).isLast(page, items, read, 100, true))
                .isEqualTo(last);
    }

    @ParameterizedTest(name = "asked {0}, answered {1}, {2} items of {3}/{4} -> {5}")
    @CsvSource(
            delimiter = '|',
            nullValues = "NULL",
            value = {
                "2 | 2    | 100 | 5    | NULL | ''",
                "2 | 2    | 7   | 5    | NULL | returned a short page 2 of 5 (7 items, page size 100)",
                "5 | 5    | 7   | 5    | NULL | ''",
                "2 | 2    | 50  | NULL | 150  | ''",
                "2 | 2    | 30  | NULL | 150  | returned a short page 2 (30 items, page size 100, total 150)",
                "2 | 1    | 100 | 5    | NULL | answered page 1 when asked for page 2",
                "2 | NULL | 100 | 5    | NULL | ''",
                "2 | 1    | 0   | 5    | NULL | returned a short page 2 of 5 (0 items, page size 100)",
                "1 | 1    | 0   | 5    | NULL | ''",
            })
    void warnsAboutWhatDoesNotAddUp(
            int page, Integer current, int items, Integer totalPages, Long total, String expected) {
        Pagination pagination = new Pagination(current, 100, totalPages, total);
        long read = (page - 1) * 100L + items;
        assertThat(String.join("; ", pagination.irregularities(page, items, read, 100)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "page {0}, {1} items, {2} read of a total of 5 alone -> short {3}")
    @CsvSource({"2, 0, 4, true", "2, 0, 5, false", "1, 0, 0, false", "2, 1, 5, false"})
    void aTotalAloneSaysItemsAreMissingWhenAnEmptyPageComesBeforeIt(int page, int items, long read, boolean missing) {
        assertThat(new Pagination(page, null, null, 5L).isShort(page, items, read, 100))
                .isEqualTo(missing);
    }
}
