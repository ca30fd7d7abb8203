package org.arrowsync.shared;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Function;

/** One page of a list endpoint and the total count; the web layer turns it into the body and paging headers. */
public record Listing<T>(List<T> items, long total, PageRequest page) {

    /** A page past the end is a 404, as in Waldur; the first page of an empty list is simply empty. */
    public static <T> Listing<T> of(List<T> items, long total, PageRequest page) {
        if (page.page() > 1 && page.offset() >= total) {
            throw new NotFound("Invalid page.");
        }
        return new Listing<>(items, total, page);
    }

    public <R> Listing<R> map(Function<? super T, ? extends R> mapper) {
        return new Listing<>(items.stream().<R>map(mapper).toList(), total, page);
    }

    /**
     * The same page with each item mapped as it is read, not all at once: for a page whose items are read as the answer
     * is written (a page of invoices, D316), which {@link #map} would read whole.
     */
    public <R> Listing<R> mapEach(Function<? super T, ? extends R> mapper) {
        List<T> source = items;
        return new Listing<>(
                new AbstractList<R>() {
                    @Override
                    public R get(int index) {
                        return mapper.apply(source.get(index));
                    }

                    @Override
                    public int size() {
                        return source.size();
                    }
                },
                total,
                page);
    }

    /**
     * The same page with its items completed together (one query for the whole page, not one per item), timed as the
     * request's {@code related} part (an invoice's items, a sync's).
     */
    public <R> Listing<R> mapAll(Function<? super List<T>, List<R>> completion) {
        return new Listing<>(RequestTimings.time("related", () -> completion.apply(items)), total, page);
    }
}
