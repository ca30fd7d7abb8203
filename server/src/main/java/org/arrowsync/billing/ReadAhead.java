package org.arrowsync.billing;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.arrowsync.shared.DaemonThreads;

/**
 * Fetches the next export pages on another thread while the caller's thread (which holds the transaction) writes the
 * current one, so a sync takes about as long as the slower of the two, not their sum. At most {@code DEPTH} pages wait
 * in memory. A failure on either side ends both; the producer's failure is rethrown to the caller.
 */
final class ReadAhead {

    /** Enough export pages (of 1,000 lines) for the writer to find the next write batch waiting when it is done. */
    static final int DEPTH = 8;

    private static final Object END = new Object();

    private ReadAhead() {}

    static <T> void run(Consumer<Consumer<T>> producer, Consumer<T> consumer) {
        BlockingQueue<Object> queue = new ArrayBlockingQueue<>(DEPTH);
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicBoolean cancelled = new AtomicBoolean();
        DaemonThreads.named("export-read-ahead").execute(() -> {
            try {
                producer.accept(item -> {
                    if (cancelled.get()) {
                        throw new Cancelled();
                    }
                    put(queue, item, cancelled);
                });
            } catch (Cancelled e) {
                // the consumer stopped first; its failure is the one that counts
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                put(queue, END, cancelled);
            }
        });
        try {
            for (Object next = take(queue); next != END; next = take(queue)) {
                @SuppressWarnings("unchecked")
                T item = (T) next;
                consumer.accept(item);
            }
            if (failure.get() != null) {
                throw failure.get();
            }
        } finally {
            cancelled.set(true);
            queue.clear();
        }
    }

    /** Waits for room, unless the consumer has gone: then nobody will ever take it. */
    private static void put(BlockingQueue<Object> queue, Object item, AtomicBoolean cancelled) {
        try {
            while (!queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                if (cancelled.get()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Object take(BlockingQueue<Object> queue) {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the next export page", e);
        }
    }

    private static final class Cancelled extends RuntimeException {
        Cancelled() {
            super(null, null, false, false);
        }
    }
}
