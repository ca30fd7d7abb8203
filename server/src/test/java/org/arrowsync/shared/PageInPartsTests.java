package org.arrowsync.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** D316: a page is read in parts of about {@link PageInParts#ROWS_READ_TOGETHER} rows, in order, each part once. */
class PageInPartsTests {

    private final List<List<Long>> reads = new ArrayList<>();

    @Test
    void aPageOfFewRowsIsReadInOnePartAtOnce() {
        PageInParts<Long, String> page = PageInParts.of(objects(100), object -> 49, this::read);

        assertThat(page.parts()).isEqualTo(1);
        assertThat(reads).as("read before the answer is written").hasSize(1);
        assertThat(page).hasSize(100).startsWith("0 read").endsWith("99 read");
        assertThat(reads).hasSize(1);
    }

    @Test
    void aPageOfManyRowsIsReadPartByPartInOrderEachOnce() {
        Map<Long, Long> rows = new HashMap<>();
        objects(10).forEach(object -> rows.put(object, 7_000L));
        rows.put(5L, 50_000L); // an object of more rows than a part holds is a part of its own
        PageInParts<Long, String> page = PageInParts.of(objects(10), rows::get, this::read);

        assertThat(reads).hasSize(1);
        List<String> written = page.stream().toList();

        assertThat(written).hasSize(10).startsWith("0 read").endsWith("9 read");
        assertThat(reads)
                .containsExactly(
                        List.of(0L, 1L), List.of(2L, 3L), List.of(4L), List.of(5L), List.of(6L, 7L), List.of(8L, 9L));
        assertThat(page.parts()).isEqualTo(6);
    }

    @Test
    void anEmptyPageReadsNothing() {
        PageInParts<Long, String> page = PageInParts.of(List.of(), object -> 1, this::read);

        assertThat(page).isEmpty();
        assertThat(reads).isEmpty();
    }

    private List<String> read(List<Long> part) {
        reads.add(List.copyOf(part));
        return part.stream().map(object -> object + " read").toList();
    }

    private static List<Long> objects(int count) {
        return LongStream.range(0, count).boxed().toList();
    }
}
