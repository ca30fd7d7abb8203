package org.arrowsync.shared;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Counts kept as deltas (D143, D145): the triggers that keep them add a row for each change instead of updating a
 * counter, so writers never wait on each other's counter rows for the length of their transactions, and a count sums
 * its key's rows. A fold sums each key's rows into one, so the counts read a few rows rather than every change.
 */
public final class DeltaCounts {

    private DeltaCounts() {}

    /**
     * Folds the rows of each key that has more than one into a single row, or none where they sum to zero, in one
     * statement: a fold beside it skips the rows this one deleted, and the rows of a transaction still writing stay for
     * a later fold. The names are written into the statement, so they must be the caller's constants.
     *
     * @param table the table of deltas
     * @param keys the key's columns, comma-separated, each {@code not null} (a null key would never be folded)
     * @param count the column of the deltas' count
     * @param more the columns of any further counts the deltas hold
     */
    public static void fold(JdbcClient jdbc, String table, String keys, String count, String... more) {
        List<String> counts =
                Stream.concat(Stream.of(count), Arrays.stream(more)).toList();
        String sql = """
                with folded as (
                    delete from %1$s
                    where (%2$s) in (select %2$s from %1$s group by %2$s having count(*) > 1)
                    returning %2$s, %3$s)
                insert into %1$s (%2$s, %3$s)
                select %2$s, %4$s from folded group by %2$s having %5$s""";
        jdbc.sql(sql.formatted(
                        table,
                        keys,
                        String.join(", ", counts),
                        counts.stream().map(column -> "sum(" + column + ")").collect(Collectors.joining(", ")),
                        counts.stream()
                                .map(column -> "sum(" + column + ") <> 0")
                                .collect(Collectors.joining(" or "))))
                .update();
    }
}
