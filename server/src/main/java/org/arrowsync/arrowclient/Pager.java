package org.arrowsync.arrowclient;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/** Walks a paged endpoint from page 1, one page in memory at a time, with the page cap as a hard stop. */
final class Pager {

    /** One fetched page: its number, its items and the pagination it reported. */
    record Page<T>(int number, List<T> items, Pagination pagination) {}

    private final Failures failures;
    private final int maxPages;

    Pager(Failures failures, int maxPages) {
        this.failures = failures;
        this.maxPages = maxPages;
    }

    <T> void forEach(String endpoint, int defaultPerPage, IntFunction<Page<T>> fetch, Consumer<Page<T>> sink) {
        for (int page = 1; ; page++) {
            if (page > maxPages) {
                throw failures.runaway(endpoint, maxPages);
            }
            Page<T> current = fetch.apply(page);
            Pagination pagination = current.pagination();
            if (pagination.currentPage() != null
                    && pagination.currentPage() != page
                    && !current.items().isEmpty()) {
                throw failures.badResponse(
                        endpoint, 200, "answered page " + pagination.currentPage() + " when asked for page " + page);
            }
            Pagination.Next next = pagination.after(page, current.items().size(), defaultPerPage);
            if (next == Pagination.Next.SHORT_PAGE) {
                throw failures.badResponse(
                        endpoint,
                        200,
                        "returned a short page " + page + " of "
                                + pagination.totalPages() + " ("
                                + current.items().size() + " items, page size "
                                + (pagination.perPage() != null ? pagination.perPage() : defaultPerPage) + ", total "
                                + pagination.total() + ")");
            }
            if (!current.items().isEmpty()) {
                sink.accept(current);
            }
            if (next == Pagination.Next.LAST) {
                return;
            }
        }
    }
}
