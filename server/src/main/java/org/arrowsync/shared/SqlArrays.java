package org.arrowsync.shared;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The columns of a batch as arrays, for the writes that {@code unnest} them: a whole page of rows in one statement,
 * whatever its size.
 */
public final class SqlArrays {

    private SqlArrays() {}

    public static <T, C> C[] column(List<T> rows, Function<? super T, ? extends C> value, IntFunction<C[]> array) {
        return rows.stream().map(value).toArray(array);
    }
}
