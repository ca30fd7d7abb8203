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
                "{}                                                              | NULL | NULL | NULL | NULL",
            })
    void readsEveryKeySpelling(String pagination, Integer current, Integer perPage, Integer totalPages, Long total) {
        String body = "{'status':200,'pagination':" + pagination + "}";
        Pagination read = Pagination.of(json(body));
        assertThat(read).isEqualTo(new Pagination(current, perPage, totalPages, total));
    }

    @ParameterizedTest(name = "page {0}, {1} items, perPage {2}, totalPages {3}, total {4} -> {5}")
    @CsvSource(
            nullValues = "NULL",
            value = {
                "1, 0,   100,  5,    NULL, LAST",
                "1, 0,   100,  5,    420,  LAST",
                "1, 100, 100,  5,    NULL, CONTINUE",
                "5, 100, 100,  5,    NULL, LAST",
                "5, 7,   100,  5,    NULL, LAST",
                "5, 20,  100,  5,    420,  LAST",
                "5, 10,  100,  5,    420,  SHORT_PAGE",
                "1, 2,   100,  1,    5,    SHORT_PAGE",
                "1, 5,   100,  1,    5,    LAST",
                "2, 7,   100,  5,    NULL, SHORT_PAGE",
                "2, 30,  100,  NULL, 150,  SHORT_PAGE",
                "2, 50,  100,  NULL, 150,  LAST",
                "1, 100, 100,  NULL, 150,  CONTINUE",
                "1, 100, NULL, NULL, NULL, CONTINUE",
                "3, 99,  NULL, NULL, NULL, LAST",
                "3, 99,  NULL, NULL, 5000, LAST",
                "3, 99,  1000, NULL, NULL, LAST",
                "9, 100, 100,  3,    NULL, LAST",
            })
    void decidesWhereToStop(
            int page, int items, Integer perPage, Integer totalPages, Long total, Pagination.Next expected) {
        assertThat(new Pagination(page, perPage, totalPages, total).after(page, items, 100))
                .isEqualTo(expected);
    }
}
