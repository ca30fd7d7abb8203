package org.arrowsync.arrowclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PagerTests {

    private final Failures failures = new Failures("key");
    private final List<Integer> fetched = new ArrayList<>();
    private final List<Integer> seen = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private static List<Integer> items(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    private void walk(int maxPages, int defaultPerPage, java.util.function.IntFunction<Pager.Page<Integer>> fetch) {
        new Pager(failures, maxPages)
                .forEach(
                        "customers",
                        defaultPerPage,
                        true,
                        page -> {
                            fetched.add(page);
                            return fetch.apply(page);
                        },
                        page -> {
                            seen.addAll(page.items());
                            warnings.addAll(page.warnings());
                        });
    }

    @Test
    void followsTotalPagesToTheLastPage() {
        walk(100, 2, page -> new Pager.Page<>(page, items(page < 3 ? 2 : 1), new Pagination(page, 2, 3, null)));
        assertThat(fetched).containsExactly(1, 2, 3);
        assertThat(seen).hasSize(5);
    }

    /**
     * D301: an empty page before the declared last page says that rows are missing, and the walk goes on to the last
     * page, as the official clients walk: what comes after it is read.
     */
    @Test
    void readsOnPastAnEmptyPageToTheDeclaredLastPageAndSaysThatRowsAreMissing() {
        List<Boolean> shortened = new ArrayList<>();
        new Pager(failures, 100)
                .<Integer>forEach(
                        "customers",
                        2,
                        true,
                        page -> {
                            fetched.add(page);
                            return new Pager.Page<>(
                                    page,
                                    page == 2 ? List.of() : items(page == 3 ? 1 : 2),
                                    new Pagination(page, 2, 3, null));
                        },
                        page -> {
                            seen.addAll(page.items());
                            warnings.addAll(page.warnings());
                            shortened.add(page.shortened());
                        });
        assertThat(fetched)
                .as("the empty page asked once more, as any short page")
                .containsExactly(1, 2, 2, 3);
        assertThat(seen).hasSize(3);
        assertThat(shortened).containsExactly(false, true, false);
        assertThat(warnings).containsExactly("Arrow API customers returned a short page 2 of 3 (0 items, page size 2)");
    }

    @Test
    void anEmptyLastPageThatTheTotalPromisesRowsOnIsShort() {
        List<Boolean> shortened = new ArrayList<>();
        new Pager(failures, 10)
                .forEach(
                        "exports",
                        2,
                        true,
                        page -> new Pager.Page<>(
                                page, page == 1 ? items(2) : List.of(), new Pagination(page, 2, 2, 3L)),
                        page -> shortened.add(page.shortened()));
        assertThat(shortened).containsExactly(false, true);
    }

    /**
     * D280: an export (its page size not asked for) whose answers declare their count of pages but no page size still
     * takes an empty page before the declared end for rows missing, not for the end.
     */
    @Test
    void anEmptyPageBeforeTheDeclaredEndIsShortWhenNoPageSizeIsGiven() {
        List<Boolean> shortened = new ArrayList<>();
        new Pager(failures, 10)
                .forEach(
                        "exports",
                        1000,
                        false,
                        page -> new Pager.Page<>(
                                page, page == 1 ? items(1000) : List.of(), new Pagination(page, null, 3, null)),
                        page -> shortened.add(page.shortened()));
        assertThat(shortened).containsExactly(false, true);
    }

    /** D280: an export answered without a pagination is read to its empty page, a short page ending nothing. */
    @Test
    void anExportWithoutAPaginationIsReadToItsEmptyPage() {
        new Pager(failures, 10)
                .<Integer>forEach(
                        "exports",
                        1000,
                        false,
                        page -> {
                            fetched.add(page);
                            return new Pager.Page<>(page, page < 3 ? items(4) : List.of(), Pagination.NONE);
                        },
                        page -> seen.addAll(page.items()));
        assertThat(fetched).containsExactly(1, 2, 3);
        assertThat(seen).hasSize(8);
    }

    /** D182: more items than page 1 counted move rows forward, read twice and counted once; no row is missed. */
    @Test
    void aListingThatGrewWhileItWasReadSaysNothingIsMissing() {
        walk(100, 2, page -> new Pager.Page<>(page, items(2), new Pagination(page, 2, 3, page == 1 ? 5L : 6L)));
        assertThat(fetched).containsExactly(1, 2, 3);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aListingThatShrankWhileItWasReadSaysRowsMayBeMissing() {
        List<Boolean> shortened = new ArrayList<>();
        new Pager(failures, 10)
                .forEach(
                        "exports",
                        2,
                        true,
                        page -> new Pager.Page<>(
                                page, items(2), new Pagination(page, 2, page == 1 ? 3 : 2, page == 1 ? 5L : 4L)),
                        page -> shortened.add(page.shortened()));
        assertThat(shortened).containsExactly(false, true);
    }

    /**
     * A total the count and size of pages disagree with (a page's own count, say) is not the listing's: not compared.
     */
    @Test
    void aTotalThePagesDisagreeWithIsNotTakenForTheListingsSize() {
        walk(
                100,
                2,
                page -> new Pager.Page<>(
                        page, items(page < 3 ? 2 : 1), new Pagination(page, 2, 3, page < 3 ? 2L : 1L)));
        assertThat(fetched).containsExactly(1, 2, 3);
        assertThat(warnings).isEmpty();
    }

    /** An API that pages by fewer than asked and gives its total alone: every item of the total is read. */
    @Test
    void withATotalAloneReadsUntilTheTotalWhateverThePagesHold() {
        walk(100, 1000, page -> new Pager.Page<>(page, items(page < 3 ? 2 : 1), new Pagination(null, null, null, 5L)));
        assertThat(fetched).containsExactly(1, 2, 3);
        assertThat(seen).hasSize(5);
        assertThat(warnings).isEmpty();
    }

    @Test
    void withATotalAloneAnEmptyPageBeforeTheTotalSaysItemsAreMissing() {
        List<Boolean> shortened = new ArrayList<>();
        new Pager(failures, 10)
                .forEach(
                        "exports",
                        1000,
                        true,
                        page -> new Pager.Page<>(
                                page, page == 1 ? items(2) : List.of(), new Pagination(null, null, null, 5L)),
                        page -> shortened.add(page.shortened()));
        assertThat(shortened).containsExactly(false, true);
    }

    @Test
    void withoutTotalPagesStopsOnAShortPage() {
        walk(100, 1000, page -> new Pager.Page<>(page, items(page < 4 ? 1000 : 10), Pagination.NONE));
        assertThat(fetched).containsExactly(1, 2, 3, 4);
        assertThat(seen).hasSize(3010);
    }

    @Test
    void aShortPageBeforeTheLastIsAskedAgainThenWarnedAboutAndPagingGoesOnToTheDeclaredLast() {
        walk(100, 2, page -> new Pager.Page<>(page, items(page == 2 ? 1 : 2), new Pagination(page, 2, 4, null)));
        assertThat(fetched).containsExactly(1, 2, 2, 3, 4);
        assertThat(seen).hasSize(7);
        assertThat(warnings).containsExactly("Arrow API customers returned a short page 2 of 4 (1 items, page size 2)");
    }

    @Test
    void aShortPageWholeWhenAskedAgainIsTakenWhole() {
        int[] askedForPage2 = {0};
        walk(100, 2, page -> {
            boolean shortOnce = page == 2 && askedForPage2[0]++ == 0;
            return new Pager.Page<>(page, items(shortOnce ? 1 : 2), new Pagination(page, 2, 3, null));
        });
        assertThat(fetched).containsExactly(1, 2, 2, 3);
        assertThat(seen).hasSize(6);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aPageNumberedOtherThanAskedIsWarnedAbout() {
        walk(100, 2, page -> new Pager.Page<>(page, items(2), new Pagination(1, 2, 2, null)));
        assertThat(fetched).containsExactly(1, 2);
        assertThat(warnings).containsExactly("Arrow API customers answered page 1 when asked for page 2");
    }

    @Test
    void endlessPagingHitsTheCapInsteadOfLoopingForever() {
        assertThatThrownBy(() -> walk(5, 2, page -> new Pager.Page<>(page, items(2), Pagination.NONE)))
                .isInstanceOf(ArrowPagingRunaway.class)
                .hasMessageContaining("cap of 5 pages");
        assertThat(fetched).containsExactly(1, 2, 3, 4, 5);
    }

    @Test
    void aLastPageExactlyAtTheCapIsFine() {
        walk(3, 2, page -> new Pager.Page<>(page, items(2), new Pagination(page, 2, 3, null)));
        assertThat(fetched).containsExactly(1, 2, 3);
    }

    @Test
    void emptyFirstPageYieldsNothing() {
        walk(3, 2, page -> new Pager.Page<>(page, Collections.emptyList(), new Pagination(1, 2, 0, null)));
        assertThat(fetched).containsExactly(1);
        assertThat(seen).isEmpty();
    }
}
