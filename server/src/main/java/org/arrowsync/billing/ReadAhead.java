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
 * in memory. A failure on either side ends both; the producer's failure, an {@link Error} too, is rethrown to the
 * caller once it has taken the pages before it: pages never read must not look like the export's end, which would drop
 * their lines. Fetching may begin before the caller is ready to take pages ({@link #start}), so the first pages arrive
 * while it prepares.
 */
final class ReadAhead<T> implements AutoCloseable {

    /** Enough export pages (of 1,000 lines) for the writer to find the next write batch waiting when it is done. */
    static final int DEPTH = 8;

    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(DEPTH);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
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
        Throwable failed = failure.get();
        if (failed instanceof RuntimeException e) {
            throw e;
        }
        if (failed instanceof Error e) {
            throw e;
        }
        if (failed != null) {
            throw new IllegalStateException("Reading the export failed", failed);
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
        } catch (Throwable e) {
            failure.set(e);
        } finally {
            put(END);
        }
    }

    /**
     * Waits for room, unless the consumer has gone: then nobody will ever take it. An interrupt does not drop the item
     * (the caller would miss a page, or wait for the end forever); it is kept for the thread once the item is handed
     * on.
     */
    private void put(Object item) {
        boolean interrupted = false;
        try {
            while (!cancelled.get()) {
                try {
                    if (queue.offer(item, 100, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
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
