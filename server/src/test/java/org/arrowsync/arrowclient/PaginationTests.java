package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class PaginationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            // customers, orders, licenses list
            "{'per_page':100,'current_page':2,'total_page':5,'total':420}   | 2    | 100  | 5",
            // licenses v2/find
            "{'perPage':50,'currentPage':3,'totalPage':4}                   | 3    | 50   | 4",
            // billing statements and ERP export
            "{'perPage':1000,'currentPage':1,'totalPages':7,'total':6500}   | 1    | 1000 | 7",
            // numbers as strings
            "{'perPage':'1000','currentPage':'2','totalPages':'3'}          | 2    | 1000 | 3",
            // DOTNET's PascalCase recording
            "{'PerPage':1000,'CurrentPage':1,'TotalPages':1}                | 1    | 1000 | 1",
            "{}                                                              | NULL | NULL | NULL",
    })
    void readsEveryKeySpelling(String pagination, Integer current, Integer perPage, Integer totalPages) {
        String body = "{'status':200,'pagination':" + pagination + "}";
        Pagination read = Pagination.of(JSON.readTree(body.replace('\'', '"')));
        assertThat(read).isEqualTo(new Pagination(current, perPage, totalPages));
    }

    @ParameterizedTest(name = "page {0}, {1} items, perPage {2}, totalPages {3} -> {4}")
    @CsvSource(nullValues = "NULL", value = {
            "1, 0,   100,  5,    LAST",
            "1, 100, 100,  5,    CONTINUE",
            "5, 100, 100,  5,    LAST",
            "5, 7,   100,  5,    LAST",
            "2, 7,   100,  5,    SHORT_PAGE",
            "1, 100, NULL, NULL, CONTINUE",
            "3, 99,  NULL, NULL, LAST",
            "3, 99,  1000, NULL, LAST",
            "9, 100, 100,  3,    LAST",
    })
    void decidesWhereToStop(int page, int items, Integer perPage, Integer totalPages, Pagination.Next expected) {
        assertThat(new Pagination(page, perPage, totalPages).after(page, items, 100)).isEqualTo(expected);
    }
}
