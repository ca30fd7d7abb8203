package org.arrowsync.shared;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * A page of a list whose answer embeds each object's rows (an invoice's items, a sync's), read a part of the page at a
 * time, each part's objects holding about {@link #ROWS_READ_TOGETHER} rows (D316): a page of invoices of a million
 * items written as a whole filled the heap (a server at {@code -Xmx768m} ran out of memory and stopped answering). The
 * first part is read at once; each next one as the answer reaches it, the part before released. A page of the usual
 * size (a hundred invoices of 4,900 items) is one part, read in the statements it always took (D154). Read in order, as
 * an answer is written, each part is read once. Map it with {@link Listing#mapEach}, which keeps that.
 *
 * @param <T> the page's objects, as the list's own query gives them
 * @param <R> each with its rows
 */
public final class PageInParts<T, R> extends AbstractList<R> implements RandomAccess {

    /** The rows read together at most, unless one object holds more. */
    public static final long ROWS_READ_TOGETHER = 20_000;

    private final List<T> objects;
    /** The index of the first object of each part, and the page's size after the last. */
    private final List<Integer> starts;

    private final Function<List<T>, List<R>> read;
    private int part = -1;
    private List<R> partRead = List.of();

    private PageInParts(List<T> objects, List<Integer> starts, Function<List<T>, List<R>> read) {
        this.objects = objects;
        this.starts = starts;
        this.read = read;
    }

    /** The page, its first part read; {@code rows}: how many rows an object holds, as its counts keep it. */
    public static <T, R> PageInParts<T, R> of(
            List<T> objects, ToLongFunction<T> rows, Function<List<T>, List<R>> read) {
        List<Integer> starts = new ArrayList<>(List.of(0));
        long inPart = 0;
        for (int i = 0; i < objects.size(); i++) {
            long held = rows.applyAsLong(objects.get(i));
            if (inPart > 0 && inPart + held > ROWS_READ_TOGETHER) {
                starts.add(i);
                inPart = 0;
            }
            inPart += held;
        }
        starts.add(objects.size());
        PageInParts<T, R> page = new PageInParts<>(List.copyOf(objects), List.copyOf(starts), read);
        if (!objects.isEmpty()) {
            page.get(0);
        }
        return page;
    }

    /** How many parts the page is read in. */
    public int parts() {
        return starts.size() - 1;
    }

    @Override
    public R get(int index) {
        int of = partOf(index);
        if (of != part) {
            partRead = List.of(); // released before the next part is read
            partRead = read.apply(objects.subList(starts.get(of), starts.get(of + 1)));
            part = of;
        }
        return partRead.get(index - starts.get(of));
    }

    @Override
    public int size() {
        return objects.size();
    }

    private int partOf(int index) {
        if (index < 0 || index >= objects.size()) {
            throw new IndexOutOfBoundsException(index);
        }
        int of = 0;
        while (starts.get(of + 1) <= index) {
            of++;
        }
        return of;
    }
}
