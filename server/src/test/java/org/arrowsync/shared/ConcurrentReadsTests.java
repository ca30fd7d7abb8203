package org.arrowsync.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class ConcurrentReadsTests {

    private final ConcurrentReads reads = new ConcurrentReads(2);
    private final List<Read> calls = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stop() {
        reads.destroy();
        TransactionSynchronizationManager.setActualTransactionActive(false);
    }

    @Test
    void aReadOfManyKeysRunsInPartsAtOnceAndGivesEveryKeysRowsInTheKeysOrder() {
        List<Integer> keys = keys(100);

        List<String> rows = reads.inParts(keys, recorded(key -> List.of(key + "a", key + "b")));

        assertThat(rows)
                .containsExactlyElementsOf(keys.stream()
                        .flatMap(key -> List.of(key + "a", key + "b").stream())
                        .toList());
        assertThat(calls).extracting(Read::keys).containsExactlyInAnyOrder(keys.subList(0, 50), keys.subList(50, 100));
        assertThat(calls)
                .extracting(Read::thread)
                .as("one part in the caller, one on a helper")
                .contains(Thread.currentThread().getName())
                .doesNotHaveDuplicates();
    }

    @Test
    void fewKeysAreReadInOneStatementInTheCaller() {
        List<Integer> keys = keys(2 * ConcurrentReads.MIN_KEYS_PER_PART - 1);

        reads.inParts(keys, recorded(List::of));

        assertThat(calls).containsExactly(new Read(keys, Thread.currentThread().getName()));
    }

    /** Another connection would not see the transaction's own writes. */
    @Test
    void insideATransactionTheWholeReadRunsInTheCaller() {
        TransactionSynchronizationManager.setActualTransactionActive(true);
        List<Integer> keys = keys(100);

        reads.inParts(keys, recorded(List::of));

        assertThat(calls).containsExactly(new Read(keys, Thread.currentThread().getName()));
    }

    @Test
    void aPartThatFailsOnAHelperFailsTheReadWithItsOwnException() {
        DataAccessResourceFailureException lost = new DataAccessResourceFailureException("connection lost");

        assertThatThrownBy(() -> reads.inParts(keys(100), recorded(key -> {
                    if (key == 99) {
                        throw lost;
                    }
                    return List.of(key);
                })))
                .isSameAs(lost);
    }

    /** A busy server reads as it did with one statement: nothing waits for a helper. */
    @Test
    void whenNoHelperIsFreeThePartsRunInTheCaller() throws InterruptedException {
        CountDownLatch busy = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread other = new Thread(() -> reads.inParts(keys(100), part -> {
            if (part.get(0) != 0) {
                busy.countDown();
                await(release);
            }
            return part;
        }));
        other.start();
        try {
            assertThat(busy.await(10, TimeUnit.SECONDS)).isTrue();

            List<Integer> rows = reads.inParts(keys(100), recorded(List::of));

            assertThat(rows).isEqualTo(keys(100));
            assertThat(calls)
                    .extracting(Read::thread)
                    .containsOnly(Thread.currentThread().getName());
            assertThat(calls).hasSize(2);
        } finally {
            release.countDown();
            other.join();
        }
    }

    /** A request still reading as the server stops is not left waiting for a helper that will never run its part. */
    @Test
    @Timeout(10)
    void onceTheHelpersAreStoppedTheReadRunsInTheCaller() {
        reads.destroy();

        List<Integer> rows = reads.inParts(keys(100), recorded(List::of));

        assertThat(rows).isEqualTo(keys(100));
        assertThat(calls)
                .extracting(Read::thread)
                .containsOnly(Thread.currentThread().getName());
    }

    private <R> Function<List<Integer>, List<R>> recorded(Function<Integer, List<R>> rowsOfKey) {
        return part -> {
            calls.add(new Read(List.copyOf(part), Thread.currentThread().getName()));
            return part.stream().flatMap(key -> rowsOfKey.apply(key).stream()).toList();
        };
    }

    private static List<Integer> keys(int count) {
        return IntStream.range(0, count).boxed().toList();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private record Read(List<Integer> keys, String thread) {}
}
