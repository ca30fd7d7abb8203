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
 * in memory. A failure on either side ends both; the producer's failure is rethrown to the caller. Fetching may begin
 * before the caller is ready to take pages ({@link #start}), so the first pages arrive while it prepares.
 */
final class ReadAhead<T> implements AutoCloseable {

    /** Enough export pages (of 1,000 lines) for the writer to find the next write batch waiting when it is done. */
    static final int DEPTH = 8;

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(DEPTH);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicBoolean cancelled = new AtomicBoolean();

    private ReadAhead() {}

    /** Takes every item {@code producer} gives, in order, on the caller's thread. */
    static <T> void run(Consumer<Consumer<T>> producer, Consumer<T> consumer) {
        try (ReadAhead<T> items = start(producer)) {
            items.forEach(consumer);
        }
    }

    /** Starts the producer on its own thread; {@link #close} stops it if its items are not all taken. */
    static <T> ReadAhead<T> start(Consumer<Consumer<T>> producer) {
        ReadAhead<T> ahead = new ReadAhead<>();
        DaemonThreads.named("export-read-ahead").execute(() -> ahead.produce(producer));
        return ahead;
    }

    /** Gives every item to {@code consumer} as it comes; rethrows the producer's failure once its items are taken. */
    void forEach(Consumer<T> consumer) {
        for (Object next = take(); next != END; next = take()) {
            @SuppressWarnings("unchecked")
            T item = (T) next;
            consumer.accept(item);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    @Override
    public void close() {
        cancelled.set(true);
        queue.clear();
    }

    private void produce(Consumer<Consumer<T>> producer) {
        try {
            producer.accept(item -> {
                if (cancelled.get()) {
                    throw new Cancelled();
                }
                put(item);
            });
        } catch (Cancelled e) {
            // the consumer stopped first; its failure is the one that counts
        } catch (RuntimeException e) {
            failure.set(e);
        } finally {
            put(END);
        }
    }

    /** Waits for room, unless the consumer has gone: then nobody will ever take it. */
    private void put(Object item) {
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

    private Object take() {
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
