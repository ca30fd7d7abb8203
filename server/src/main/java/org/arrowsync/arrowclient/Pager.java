package org.arrowsync.arrowclient;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a paged endpoint from page 1, one page in memory at a time, until the declared last page (D17), with the page
 * cap as a hard stop. A page shorter than its pagination promises is asked for once more; pages that still contradict
 * their pagination are warned about, not refused: the official clients trust the declared total alone. A page that
 * counts fewer items than page 1 did says the listing shrank while it was walked (D182): rows may have moved onto pages
 * already read, so it is marked as missing rows, as a short page is (the export's readers then take nothing as removed;
 * the other families' warn).
 */
final class Pager {

    private static final Logger log = LoggerFactory.getLogger(ArrowClient.class);

    /**
     * One fetched page: its number, its items, the pagination it reported, what did not add up on it and whether items
     * are missing from it.
     */
    record Page<T>(int number, List<T> items, Pagination pagination, List<String> warnings, boolean shortened) {

        Page(int number, List<T> items, Pagination pagination) {
            this(number, items, pagination, List.of(), false);
        }
    }

    private final Failures failures;
    private final int maxPages;

    Pager(Failures failures, int maxPages) {
        this.failures = failures;
        this.maxPages = maxPages;
    }

    /**
     * Walks the pages; {@code defaultPerPage} is the page size where an answer gives none, which the client asked for
     * when {@code sizeAsked} (else a page shorter than it ends the walk only where the answer says anything of its
     * pages, D280).
     */
    <T> void forEach(
            String endpoint,
            int defaultPerPage,
            boolean sizeAsked,
            IntFunction<Page<T>> fetch,
            Consumer<Page<T>> sink) {
        Pagination first = null;
        long before = 0;
        for (int page = 1; ; page++) {
            if (page > maxPages) {
                throw failures.runaway(endpoint, maxPages);
            }
            Page<T> current = fetch.apply(page);
            if (current.pagination()
                    .isShort(
                            page,
                            current.items().size(),
                            before + current.items().size(),
                            defaultPerPage)) {
                // Rows missing from a page are mostly a passing fault upstream: asked again, it comes whole (D60).
                Page<T> again = fetch.apply(page);
                if (again.items().size() > current.items().size()) {
                    current = again;
                }
            }
            Pagination pagination = current.pagination();
            int items = current.items().size();
            long read = before + items;
            List<String> warnings = new ArrayList<>();
            for (String irregularity : pagination.irregularities(page, items, read, defaultPerPage)) {
                String warning = failures.scrub("Arrow API " + endpoint + " " + irregularity);
                log.warn("{}", warning);
                warnings.add(warning);
            }
            boolean shortened = pagination.isShort(page, items, read, defaultPerPage);
            if (first == null) {
                first = pagination;
            } else if (pagination.shrankFrom(first)) {
                // D182: the listing shrank while it was read, and a page walked by its number may have skipped rows
                String warning = failures.scrub("Arrow API " + endpoint + " changed while it was read: page 1 counted "
                        + first.describe() + ", page " + page + " counts " + pagination.describe()
                        + ", so rows may have moved to pages already read");
                log.warn("{}", warning);
                warnings.add(warning);
                shortened = true;
            }
            if (items > 0 || shortened) {
                // An empty page short of the declared end says that rows are missing (D26), so no consumer takes what
                // it read for the whole export; the walk goes on to the declared end all the same (D301)
                sink.accept(new Page<>(page, current.items(), pagination, List.copyOf(warnings), shortened));
            }
            if (pagination.isLast(page, items, read, defaultPerPage, sizeAsked)) {
                return;
            }
            before = read;
        }
    }
}
