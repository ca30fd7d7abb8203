package org.arrowsync.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A caller that would wait forever for the end of the export fails instead. */
@Timeout(10)
class ReadAheadTests {

    @Test
    void takesEveryItemInOrder() {
        List<Integer> taken = new ArrayList<>();

        ReadAhead.<Integer>run(
                sink -> {
                    for (int i = 0; i < 100; i++) {
                        sink.accept(i);
                    }
                },
                taken::add);

        assertThat(taken).hasSize(100).isSorted();
    }

    /**
     * An {@link Error} while fetching (a page too large for the heap) is the caller's failure after the pages before
     * it, never the end of the export: the lines of the pages not read would be taken for lines Arrow dropped.
     */
    @Test
    void anErrorWhileFetchingFailsTheCallerInsteadOfEndingTheExport() {
        List<Integer> taken = new ArrayList<>();

        assertThatThrownBy(() -> ReadAhead.<Integer>run(
                        sink -> {
                            sink.accept(1);
                            sink.accept(2);
                            throw new OutOfMemoryError("a page too large");
                        },
                        taken::add))
                .isInstanceOf(OutOfMemoryError.class)
                .hasMessage("a page too large");
        assertThat(taken).containsExactly(1, 2);
    }

    @Test
    void anInterruptedFetchHandsOnEveryPageItRead() {
        List<Integer> taken = new ArrayList<>();

        ReadAhead.<Integer>run(
                sink -> {
                    for (int i = 0; i < 3 * ReadAhead.DEPTH; i++) {
                        Thread.currentThread().interrupt();
                        sink.accept(i);
                    }
                },
                taken::add);

        assertThat(taken).hasSize(3 * ReadAhead.DEPTH).isSorted();
    }
}
